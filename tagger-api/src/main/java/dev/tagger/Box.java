package dev.tagger;

/** An axis-aligned box in the pixel coordinates of the original (orientation-corrected) image. */
public record Box(double x, double y, double width, double height) {
  public Box {
    if (!(width >= 0) || !(height >= 0)) {
      throw new IllegalArgumentException("box size must be >= 0, got " + width + "x" + height);
    }
  }

  /** Intersection over union with another box: 0 when they do not overlap, 1 when they are the same. */
  public double iou(Box other) {
    double x1 = Math.max(x, other.x);
    double y1 = Math.max(y, other.y);
    double x2 = Math.min(x + width, other.x + other.width);
    double y2 = Math.min(y + height, other.y + other.height);
    double inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    double union = width * height + other.width * other.height - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
