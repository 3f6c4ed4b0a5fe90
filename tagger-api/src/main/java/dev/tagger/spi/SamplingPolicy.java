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
 */
public record SamplingPolicy(Mode mode, double intervalSeconds, int maxFrames, double sceneThreshold) {
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
  }

  /** One frame every {@code intervalSeconds}, at most {@code maxFrames}. */
  public SamplingPolicy(double intervalSeconds, int maxFrames) {
    this(Mode.INTERVAL, intervalSeconds, maxFrames, 0.3);
  }

  public static SamplingPolicy keyframes(double minGapSeconds, int maxFrames) {
    return new SamplingPolicy(Mode.KEYFRAMES, minGapSeconds, maxFrames, 0.3);
  }

  /** A frame at each shot boundary; {@code minGapSeconds} keeps flicker from giving a burst of samples. */
  public static SamplingPolicy sceneChanges(double threshold, double minGapSeconds, int maxFrames) {
    return new SamplingPolicy(Mode.SCENE_CHANGE, minGapSeconds, maxFrames, threshold);
  }
}
