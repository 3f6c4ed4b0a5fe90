package dev.tagger;

/** A span of media time in seconds; a still frame sampled at t has the span [t, t]. */
public record TimeSpan(double startSeconds, double endSeconds) {
  public TimeSpan {
    if (!(startSeconds >= 0) || !(endSeconds >= startSeconds)) {
      throw new IllegalArgumentException(
          "time span must satisfy 0 <= start <= end, got [" + startSeconds + ", " + endSeconds + "]");
    }
  }

  public static TimeSpan at(double seconds) {
    return new TimeSpan(seconds, seconds);
  }

  public double duration() {
    return endSeconds - startSeconds;
  }
}
