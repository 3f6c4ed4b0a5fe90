package dev.tagger.spi;

/**
 * A decoded picture: 8-bit RGB, interleaved, rows top to bottom, no padding, already turned upright
 * (EXIF orientation applied). The array is shared, not copied: treat it as read-only.
 */
public record RgbImage(int width, int height, byte[] pixels) {
  public RgbImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    if (pixels.length != width * height * 3) {
      throw new IllegalArgumentException(
          "expected " + (width * height * 3) + " bytes for a " + width + "x" + height + " RGB image, got " + pixels.length);
    }
  }
}
