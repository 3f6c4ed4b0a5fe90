package dev.tagger.nlp.ocr;

import java.awt.image.BufferedImage;

/**
 * Evens out uneven lighting before OCR (a shadow across a photographed page, a sign in sunlight and
 * shade): each pixel's grey value is divided by the local background, estimated as the brightest value
 * nearby, smoothed. Dark text on a light ground keeps its contrast everywhere.
 */
final class Illumination {
  private Illumination() {}

  static BufferedImage flatten(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    int[] grey = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = src.getRGB(x, y);
        grey[y * w + x] = (77 * (p >> 16 & 0xFF) + 150 * (p >> 8 & 0xFF) + 29 * (p & 0xFF)) >> 8;
      }
    }
    // The background on a coarse grid (blocks of about 1/30 of the shorter side): block maxima, widened
    // by one block and smoothed, then interpolated back to every pixel. Linear in the pixel count.
    int bs = Math.max(2, Math.min(w, h) / 30);
    int gw = (w + bs - 1) / bs;
    int gh = (h + bs - 1) / bs;
    int[] grid = new int[gw * gh];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int g = (y / bs) * gw + x / bs;
        grid[g] = Math.max(grid[g], grey[y * w + x]);
      }
    }
    int[] background = boxBlur(maxFilter(grid, gw, gh, 1), gw, gh, 1);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / bs - 0.5));
      int y0 = (int) gy;
      int y1 = Math.min(gh - 1, y0 + 1);
      double fy = gy - y0;
      for (int x = 0; x < w; x++) {
        double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / bs - 0.5));
        int x0 = (int) gx;
        int x1 = Math.min(gw - 1, x0 + 1);
        double fx = gx - x0;
        double bg = (background[y0 * gw + x0] * (1 - fx) + background[y0 * gw + x1] * fx) * (1 - fy)
            + (background[y1 * gw + x0] * (1 - fx) + background[y1 * gw + x1] * fx) * fy;
        dst[y * w + x] = (byte) Math.min(255, (int) (grey[y * w + x] * 255 / Math.max(1.0, bg)));
      }
    }
    return out;
  }

  /** Separable running maximum over a (2r+1) square. */
  static int[] maxFilter(int[] v, int w, int h, int r) {
    int[] tmp = new int[v.length];
    int[] out = new int[v.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int m = 0;
        for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
          m = Math.max(m, v[y * w + k]);
        }
        tmp[y * w + x] = m;
      }
    }
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        int m = 0;
        for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
          m = Math.max(m, tmp[k * w + x]);
        }
        out[y * w + x] = m;
      }
    }
    return out;
  }

  /** Separable box blur over a (2r+1) square, with running sums. */
  static int[] boxBlur(int[] v, int w, int h, int r) {
    int[] tmp = new int[v.length];
    int[] out = new int[v.length];
    for (int y = 0; y < h; y++) {
      long sum = 0;
      int n = 0;
      for (int k = 0; k <= Math.min(w - 1, r); k++, n++) {
        sum += v[y * w + k];
      }
      for (int x = 0; x < w; x++) {
        tmp[y * w + x] = (int) (sum / n);
        int add = x + r + 1;
        int drop = x - r;
        if (add < w) {
          sum += v[y * w + add];
          n++;
        }
        if (drop >= 0) {
          sum -= v[y * w + drop];
          n--;
        }
      }
    }
    for (int x = 0; x < w; x++) {
      long sum = 0;
      int n = 0;
      for (int k = 0; k <= Math.min(h - 1, r); k++, n++) {
        sum += tmp[k * w + x];
      }
      for (int y = 0; y < h; y++) {
        out[y * w + x] = (int) (sum / n);
        int add = y + r + 1;
        int drop = y - r;
        if (add < h) {
          sum += tmp[add * w + x];
          n++;
        }
        if (drop >= 0) {
          sum -= tmp[drop * w + x];
          n--;
        }
      }
    }
    return out;
  }
}
