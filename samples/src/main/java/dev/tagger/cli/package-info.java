/**
 * The {@code tagger} command line: wires the FFmpeg decoder, the ONNX analyzers, rules, sinks and the
 * result store into one {@link dev.tagger.Tagger}. The only package that depends on every module.
 */
@NullMarked
package dev.tagger.cli;

import org.jspecify.annotations.NullMarked;
