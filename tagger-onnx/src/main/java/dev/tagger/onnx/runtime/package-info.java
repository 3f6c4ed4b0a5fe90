/**
 * ONNX Runtime as the analyzers use it: one owned session per model with its threading options. The one
 * part of {@code tagger-onnx} that other adapters may use (the sound-event analyzer in {@code tagger-audio}
 * runs its model through it); the architecture test allows that edge and no other.
 */
@NullMarked
package dev.tagger.onnx.runtime;

import org.jspecify.annotations.NullMarked;
