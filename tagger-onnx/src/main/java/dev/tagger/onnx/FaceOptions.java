package dev.tagger.onnx;

import java.util.Locale;

/**
 * Settings of a {@link FaceAnalyzer}.
 *
 * @param minScore faces under this detector score are dropped (OpenCV uses 0.9; 0.6 finds small and turned faces in group photos without false faces on the sample photos)
 * @param nmsIou overlapping faces above this IoU are merged
 * @param maxSide pictures are scaled down so their longer side is at most this (faces smaller than
 *     about 10 pixels after scaling are missed)
 * @param minEmotionScore an emotion is reported only at or above this probability
 * @param cropPadding how much the face box is widened on each side before the emotion crop
 */
public record FaceOptions(double minScore, double nmsIou, int maxSide, double minEmotionScore, double cropPadding, OnnxOptions onnx) {
  public static final FaceOptions DEFAULT = new FaceOptions(0.6, 0.3, 960, 0.4, 0.15, OnnxOptions.DEFAULT);

  public FaceOptions {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    if (!(nmsIou > 0 && nmsIou <= 1)) {
      throw new IllegalArgumentException("nmsIou must be in (0, 1], got " + nmsIou);
    }
    if (maxSide < 32) {
      throw new IllegalArgumentException("maxSide must be >= 32, got " + maxSide);
    }
    if (!(minEmotionScore >= 0 && minEmotionScore <= 1)) {
      throw new IllegalArgumentException("minEmotionScore must be in [0, 1], got " + minEmotionScore);
    }
    if (!(cropPadding >= 0 && cropPadding <= 1)) {
      throw new IllegalArgumentException("cropPadding must be in [0, 1], got " + cropPadding);
    }
  }

  public FaceOptions withOnnx(OnnxOptions value) {
    return new FaceOptions(minScore, nmsIou, maxSide, minEmotionScore, cropPadding, value);
  }

  public FaceOptions withMinScore(double value) {
    return new FaceOptions(value, nmsIou, maxSide, minEmotionScore, cropPadding, onnx);
  }

  String fingerprint() {
    return String.format(Locale.ROOT, "min%.3f,iou%.3f,side%d,emo%.3f,pad%.3f", minScore, nmsIou, maxSide, minEmotionScore, cropPadding);
  }
}
