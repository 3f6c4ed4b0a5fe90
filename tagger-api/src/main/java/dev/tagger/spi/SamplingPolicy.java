package dev.tagger.spi;

import java.util.Objects;

/**
 * Which frames of a video to look at, at most {@code maxFrames} of them:
 * <ul>
 *   <li>{@link Mode#INTERVAL}: one every {@code intervalSeconds}, each found by seeking (decoding from the
 *       nearest keyframe to the exact time), spread evenly over the video when the interval gives more;
 *   <li>{@link Mode#KEYFRAMES}: keyframes only, at least {@code intervalSeconds} apart: fastest, since
 *       nothing between keyframes is decoded, but times follow the encoder's keyframe spacing;
 *   <li>{@link Mode#SCENE_CHANGE}: a frame at each shot boundary, where the luma histogram differs from
 *       the previous frame's by more than {@code sceneThreshold} (0..1, half the L1 distance of the
 *       normalised histograms); a static shot gives one sample, a fast montage many.
 * </ul>
 * Two savings apply to {@link Mode#INTERVAL}: {@code keyframeReach}, a share of the interval: a keyframe
 * at most that far from a sample time is decoded alone and stands in for it (the sample shows the
 * keyframe's own time; 0 turns it off); and {@code staticDifference}, in grey levels of 255: a frame whose
 * small grey thumbnail differs from the last frame a vision model looked at by at most that much on
 * average shows the same (a static shot), and that model's findings are reused for it (0 turns it off).
 */
public record SamplingPolicy(Mode mode, double intervalSeconds, int maxFrames, double sceneThreshold, double keyframeReach,
    double staticDifference) {
  public static final double DEFAULT_KEYFRAME_REACH = 0.5;
  public static final double DEFAULT_STATIC_DIFFERENCE = 2.0;
  public static final SamplingPolicy DEFAULT = new SamplingPolicy(2.0, 300);

  /** How frames are chosen. */
  public enum Mode { INTERVAL, KEYFRAMES, SCENE_CHANGE }

  public SamplingPolicy {
    Objects.requireNonNull(mode, "mode");
    if (!(intervalSeconds > 0)) {
      throw new IllegalArgumentException("sampling interval must be > 0 seconds, got " + intervalSeconds);
    }
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
    }
    if (!(sceneThreshold > 0 && sceneThreshold < 1)) {
      throw new IllegalArgumentException("sceneThreshold must be in (0, 1), got " + sceneThreshold);
    }
    if (!(keyframeReach >= 0 && keyframeReach <= 1)) {
      throw new IllegalArgumentException("keyframeReach must be in [0, 1] (a share of the interval), got " + keyframeReach);
    }
    if (!(staticDifference >= 0 && staticDifference < 255)) {
      throw new IllegalArgumentException("staticDifference must be in [0, 255) grey levels, got " + staticDifference);
    }
  }

  /** With the default savings. */
  public SamplingPolicy(Mode mode, double intervalSeconds, int maxFrames, double sceneThreshold) {
    this(mode, intervalSeconds, maxFrames, sceneThreshold, DEFAULT_KEYFRAME_REACH, DEFAULT_STATIC_DIFFERENCE);
  }

  /** One frame every {@code intervalSeconds}, at most {@code maxFrames}. */
  public SamplingPolicy(double intervalSeconds, int maxFrames) {
    this(Mode.INTERVAL, intervalSeconds, maxFrames, 0.3);
  }

  public SamplingPolicy withKeyframeReach(double share) {
    return new SamplingPolicy(mode, intervalSeconds, maxFrames, sceneThreshold, share, staticDifference);
  }

  public SamplingPolicy withStaticDifference(double greyLevels) {
    return new SamplingPolicy(mode, intervalSeconds, maxFrames, sceneThreshold, keyframeReach, greyLevels);
  }

  /**
   * What the policy is, for the result store's keys: the savings are named only when they are not the
   * defaults, so results stored before they became settings still match.
   */
  public String fingerprint() {
    StringBuilder s = new StringBuilder("SamplingPolicy[mode=").append(mode).append(", intervalSeconds=").append(intervalSeconds)
        .append(", maxFrames=").append(maxFrames).append(", sceneThreshold=").append(sceneThreshold);
    if (keyframeReach != DEFAULT_KEYFRAME_REACH) {
      s.append(", keyframeReach=").append(keyframeReach);
    }
    if (staticDifference != DEFAULT_STATIC_DIFFERENCE) {
      s.append(", staticDifference=").append(staticDifference);
    }
    return s.append(']').toString();
  }

  public static SamplingPolicy keyframes(double minGapSeconds, int maxFrames) {
    return new SamplingPolicy(Mode.KEYFRAMES, minGapSeconds, maxFrames, 0.3);
  }

  /** A frame at each shot boundary; {@code minGapSeconds} keeps flicker from giving a burst of samples. */
  public static SamplingPolicy sceneChanges(double threshold, double minGapSeconds, int maxFrames) {
    return new SamplingPolicy(Mode.SCENE_CHANGE, minGapSeconds, maxFrames, threshold);
  }
}
