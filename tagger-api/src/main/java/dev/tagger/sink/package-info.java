/**
 * Built-in {@link dev.tagger.spi.TagSink}s: in memory, JSON Lines, and XMP sidecars that digiKam,
 * Lightroom and darktable read. The Stash sink lives in {@code tagger-stash}.
 */
@NullMarked
package dev.tagger.sink;

import org.jspecify.annotations.NullMarked;
