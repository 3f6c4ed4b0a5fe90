/**
 * Engine internals: content sniffing, hashing, the per-item pipeline, a video's frames streamed to its frame
 * analyzers, aggregation of detections into tags and segments. Not API; only {@code dev.tagger} and its sub-packages use it.
 */
@NullMarked
package dev.tagger.internal;

import org.jspecify.annotations.NullMarked;
