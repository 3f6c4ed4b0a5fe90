package dev.tagger.nlp.ocr;

import dev.tagger.spi.RgbImage;

/**
 * Which video frames OCR reads. Each frame shrinks to a 32×18 grey thumbnail and a 64-bin grey histogram,
 * compared with those of the last frame read:
 * <ul>
 *   <li>no more than {@value #THRESHOLD} grey levels apart on average: the same view (a static shot, sensor
 *       noise), never read again;
 *   <li>histograms more than {@value #CUT} apart (half their L1 distance, as the sampler's scene-change mode
 *       measures): a cut, read at once;
 *   <li>otherwise the shot goes on and has moved (a pan, a zoom, text fading in): read once
 *       {@value #REREAD_SECONDS} s have passed since the last reading, so a long moving shot costs a reading
 *       every few seconds instead of one per sample.
 * </ul>
 * The first frame is always read. Not thread-safe: one per item.
 */
final class ShotChange {
  static final int W = 32;
  static final int H = 18;
  static final int BINS = 64;
  /** Mean absolute thumbnail difference, in grey levels (0–255), up to which a frame shows the same view. */
  static final double THRESHOLD = 8.0;
  /** Histogram distance (0..1) above which a frame starts a new shot. */
  static final double CUT = 0.3;
  /** Within one moving shot, the time between readings. */
  static final double REREAD_SECONDS = 6.0;
  /** How an OCR analyzer's options name this rule (results read under another rule are read again). */
  static final String OPTIONS = ",shots" + THRESHOLD + "cut" + CUT + "reread" + REREAD_SECONDS;
  private int[] reference;
  private double[] referenceHistogram;
  private double referenceSeconds;

  /** Whether to read the frame shown at {@code seconds}; when so, it becomes the one later frames are compared with. */
  boolean isNewShot(RgbImage frame, double seconds) {
    double[] histogram = new double[BINS];
    int[] thumb = thumbnail(frame, histogram);
    if (reference != null) {
      if (difference(reference, thumb) <= THRESHOLD) {
        return false;
      }
      if (distance(referenceHistogram, histogram) <= CUT && seconds - referenceSeconds < REREAD_SECONDS) {
        return false;
      }
    }
    reference = thumb;
    referenceHistogram = histogram;
    referenceSeconds = seconds;
    return true;
  }

  static double difference(int[] a, int[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / (double) a.length;
  }

  /** Half the L1 distance of two normalised histograms: 0 the same, 1 disjoint. */
  static double distance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return d / 2;
  }

  /**
   * The mean grey level of each of W×H cells, sampled on a grid of up to 4×4 pixels per cell; the samples'
   * grey levels also fill {@code histogram} ({@value #BINS} bins, normalised).
   */
  static int[] thumbnail(RgbImage img, double[] histogram) {
    int[] out = new int[W * H];
    byte[] px = img.pixels();
    long samples = 0;
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
            int grey = (299 * (px[i] & 0xFF) + 587 * (px[i + 1] & 0xFF) + 114 * (px[i + 2] & 0xFF)) / 1000;
            sum += grey;
            histogram[grey * BINS / 256]++;
            n++;
          }
        }
        samples += n;
        out[cy * W + cx] = n == 0 ? 0 : (int) (sum / n);
      }
    }
    for (int b = 0; b < BINS; b++) {
      histogram[b] /= Math.max(1, samples);
    }
    return out;
  }
}
