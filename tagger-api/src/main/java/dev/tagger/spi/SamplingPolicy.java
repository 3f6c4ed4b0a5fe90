package dev.tagger.spi;

/**
 * Which frames of a video to look at: one every {@code intervalSeconds}, at most {@code maxFrames}
 * (spread evenly over the whole video when the interval would give more).
 */
public record SamplingPolicy(double intervalSeconds, int maxFrames) {
  public static final SamplingPolicy DEFAULT = new SamplingPolicy(2.0, 300);

  public SamplingPolicy {
    if (!(intervalSeconds > 0)) {
      throw new IllegalArgumentException("sampling interval must be > 0 seconds, got " + intervalSeconds);
    }
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
    }
  }
}
