package dev.tagger;

/** A stretch of a video in which a tag was seen, with its peak and mean confidence there. */
public record Segment(double startSeconds, double endSeconds, double peakConfidence, double meanConfidence) {
  public Segment {
    if (!(startSeconds >= 0) || !(endSeconds >= startSeconds)) {
      throw new IllegalArgumentException("segment must satisfy 0 <= start <= end, got [" + startSeconds + ", " + endSeconds + "]");
    }
  }

  public double duration() {
    return endSeconds - startSeconds;
  }
}
