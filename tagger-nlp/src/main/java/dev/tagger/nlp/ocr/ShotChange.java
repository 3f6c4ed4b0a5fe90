package dev.tagger.nlp.ocr;

import dev.tagger.spi.RgbImage;

/**
 * Tells a new shot from more of the same: each frame shrinks to a 32×18 grey thumbnail, and a frame is new
 * when it differs from the last new frame's thumbnail by more than {@value #THRESHOLD} grey levels on
 * average (a cut, a pan that has moved on, text that appeared). The first frame is always new. Not
 * thread-safe: one per item.
 */
final class ShotChange {
  static final int W = 32;
  static final int H = 18;
  /** Mean absolute difference, in grey levels (0–255), above which a frame starts a new shot. */
  static final double THRESHOLD = 8.0;
  private int[] reference;

  boolean isNewShot(RgbImage frame) {
    int[] thumb = thumbnail(frame);
    if (reference != null && difference(reference, thumb) <= THRESHOLD) {
      return false;
    }
    reference = thumb;
    return true;
  }

  static double difference(int[] a, int[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / (double) a.length;
  }

  /** The mean grey level of each of W×H cells, sampled on a grid of up to 4×4 pixels per cell. */
  static int[] thumbnail(RgbImage img) {
    int[] out = new int[W * H];
    byte[] px = img.pixels();
    for (int cy = 0; cy < H; cy++) {
      for (int cx = 0; cx < W; cx++) {
        int x0 = cx * img.width() / W;
        int x1 = Math.max(x0 + 1, (cx + 1) * img.width() / W);
        int y0 = cy * img.height() / H;
        int y1 = Math.max(y0 + 1, (cy + 1) * img.height() / H);
        int stepX = Math.max(1, (x1 - x0) / 4);
        int stepY = Math.max(1, (y1 - y0) / 4);
        long sum = 0;
        int n = 0;
        for (int y = y0; y < Math.min(y1, img.height()); y += stepY) {
          for (int x = x0; x < Math.min(x1, img.width()); x += stepX) {
            int i = (y * img.width() + x) * 3;
            sum += (299 * (px[i] & 0xFF) + 587 * (px[i + 1] & 0xFF) + 114 * (px[i + 2] & 0xFF)) / 1000;
            n++;
          }
        }
        out[cy * W + cx] = n == 0 ? 0 : (int) (sum / n);
      }
    }
    return out;
  }
}
