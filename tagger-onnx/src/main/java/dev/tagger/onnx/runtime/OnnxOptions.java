package dev.tagger.onnx.runtime;

/**
 * ONNX Runtime settings of one session. Keep {@code intraOpThreads × parallel items <= cores}: on
 * 2 busy cores, 2 intra-op threads were measured 3–5× slower than 1.
 */
public record OnnxOptions(int intraOpThreads) {
  public static final OnnxOptions DEFAULT = new OnnxOptions(1);

  public OnnxOptions {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
  }
}
