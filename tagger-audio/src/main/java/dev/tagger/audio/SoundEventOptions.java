package dev.tagger.audio;

import dev.tagger.onnx.runtime.OnnxOptions;

/**
 * How {@link SoundEventAnalyzer} listens.
 *
 * @param windowSeconds length of the window one score covers (the model was trained on 10 s clips)
 * @param hopSeconds step between windows; less than the window makes them overlap
 * @param minConfidence classes scoring less in a window are not reported for it
 */
public record SoundEventOptions(double windowSeconds, double hopSeconds, double minConfidence, OnnxOptions onnx) {
  public static final SoundEventOptions DEFAULT = new SoundEventOptions(10, 5, 0.2, OnnxOptions.DEFAULT);

  public SoundEventOptions {
    if (!(windowSeconds >= 0.5 && windowSeconds <= 60)) {
      throw new IllegalArgumentException("windowSeconds must be in 0.5..60, got " + windowSeconds);
    }
    if (!(hopSeconds > 0 && hopSeconds <= windowSeconds)) {
      throw new IllegalArgumentException("hopSeconds must be in (0, windowSeconds], got " + hopSeconds);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be in 0..1, got " + minConfidence);
    }
  }

  public SoundEventOptions withOnnx(OnnxOptions onnx) {
    return new SoundEventOptions(windowSeconds, hopSeconds, minConfidence, onnx);
  }

  public SoundEventOptions withMinConfidence(double min) {
    return new SoundEventOptions(windowSeconds, hopSeconds, min, onnx);
  }
}
