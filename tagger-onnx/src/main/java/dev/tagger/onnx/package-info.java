/**
 * Vision analyzers on ONNX Runtime: {@link dev.tagger.onnx.ImageClassifier} (ImageNet) for now. Each
 * analyzer owns one {@link dev.tagger.onnx.runtime.OnnxSession}, shared by all threads, and must be closed.
 */
@NullMarked
package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxSession;
import org.jspecify.annotations.NullMarked;
