package dev.tagger;

/** An axis-aligned box in the pixel coordinates of the original (orientation-corrected) image. */
public record Box(double x, double y, double width, double height) {
  public Box {
    if (!(width >= 0) || !(height >= 0)) {
      throw new IllegalArgumentException("box size must be >= 0, got " + width + "x" + height);
    }
  }
}
