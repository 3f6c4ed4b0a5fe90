package dev.tagger.spi;

/** One sampled video frame and the media time it shows. */
public record VideoFrame(double seconds, RgbImage image) {
  public VideoFrame {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("frame time must be >= 0, got " + seconds);
    }
  }
}
