/**
 * Service-provider interfaces: {@link dev.tagger.spi.Analyzer} (and {@link dev.tagger.spi.FrameAnalyzer}, which
 * gets a video's frames one at a time as they are decoded, and {@link dev.tagger.spi.AudioAnalyzer}, which hears
 * a soundtrack piece by piece from one decode shared by all), {@link dev.tagger.spi.MediaDecoder},
 * {@link dev.tagger.spi.TagRule}, {@link dev.tagger.spi.TagSink} and {@link dev.tagger.spi.ResultStore},
 * plus the decoded-content values they exchange. Adapter modules implement these; applications
 * register implementations explicitly on {@link dev.tagger.Tagger#builder()}.
 */
@NullMarked
package dev.tagger.spi;

import org.jspecify.annotations.NullMarked;
