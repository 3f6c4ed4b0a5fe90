/**
 * JMH benchmarks of the whole journey and of frame decoding, with the inputs they share. The per-model
 * benchmarks live in {@code dev.tagger.onnx} here, beside the package-private code they measure.
 */
@NullMarked
package dev.tagger.bench;

import org.jspecify.annotations.NullMarked;
