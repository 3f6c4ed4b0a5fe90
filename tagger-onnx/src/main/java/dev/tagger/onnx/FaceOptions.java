package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxOptions;
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
 * @param minFaceSide faces whose box is shorter than this many pixels (of the picture) on its shorter side are
 *     not reported: too small for a person to call them a face either
 * @param emotionMinFaceSide an emotion is read only on a face at least this many pixels on its shorter side
 *     (the emotion model sees 48×48)
 * @param emotionMinFaceScore an emotion is read only on a face the detector is this sure of (YuNet's own
 *     default floor, 0.9)
 * @param emotionMinMargin an emotion is reported only when its probability leads the runner-up's by this much
 */
public record FaceOptions(double minScore, double nmsIou, int maxSide, double minEmotionScore, double cropPadding,
    int minFaceSide, int emotionMinFaceSide, double emotionMinFaceScore, double emotionMinMargin, OnnxOptions onnx) {
  public static final FaceOptions DEFAULT = new FaceOptions(0.6, 0.3, 960, 0.4, 0.15, 12, 40, 0.9, 0.2, OnnxOptions.DEFAULT);

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
    if (minFaceSide < 0 || emotionMinFaceSide < 0) {
      throw new IllegalArgumentException("face sides must be >= 0, got " + minFaceSide + " and " + emotionMinFaceSide);
    }
    if (!(emotionMinFaceScore >= 0 && emotionMinFaceScore <= 1) || !(emotionMinMargin >= 0 && emotionMinMargin <= 1)) {
      throw new IllegalArgumentException("emotionMinFaceScore and emotionMinMargin must be in [0, 1], got "
          + emotionMinFaceScore + " and " + emotionMinMargin);
    }
  }

  public FaceOptions withOnnx(OnnxOptions value) {
    return new FaceOptions(minScore, nmsIou, maxSide, minEmotionScore, cropPadding, minFaceSide, emotionMinFaceSide,
        emotionMinFaceScore, emotionMinMargin, value);
  }

  public FaceOptions withMinScore(double value) {
    return new FaceOptions(value, nmsIou, maxSide, minEmotionScore, cropPadding, minFaceSide, emotionMinFaceSide,
        emotionMinFaceScore, emotionMinMargin, onnx);
  }

  /** The same with other emotion gates: smallest face side in pixels, detector score, margin over the runner-up. */
  public FaceOptions withEmotionGates(int minSide, double minFaceScore, double minMargin) {
    return new FaceOptions(minScore, nmsIou, maxSide, minEmotionScore, cropPadding, minFaceSide, minSide, minFaceScore,
        minMargin, onnx);
  }

  String fingerprint() {
    return String.format(Locale.ROOT, "min%.3f,iou%.3f,side%d,emo%.3f,pad%.3f,face%d,emoface%d/%.3f/%.3f", minScore, nmsIou,
        maxSide, minEmotionScore, cropPadding, minFaceSide, emotionMinFaceSide, emotionMinFaceScore, emotionMinMargin);
  }
}
