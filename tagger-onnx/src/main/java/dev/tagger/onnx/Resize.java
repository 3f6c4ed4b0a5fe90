package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;

/**
 * Resizing of RGB images (or a rectangle of them): bilinear, after averaging blocks of pixels when
 * shrinking by more than 2×, so large photos are not sampled sparsely. Only the rectangle is read.
 */
final class Resize {
  private Resize() {}

  static RgbImage bilinear(RgbImage src, int width, int height) {
    return region(src, 0, 0, src.width(), src.height(), width, height);
  }

  /**
   * The rectangle {@code (x, y, w, h)} of the source (in source pixels, fractional allowed) scaled to
   * {@code outW × outH}.
   */
  static RgbImage region(RgbImage src, double x, double y, double w, double h, int outW, int outH) {
    int block = (int) Math.floor(Math.min(w / outW, h / outH) / 2);
    if (block >= 2) {
      int bx = Math.max(0, (int) Math.floor(x));
      int by = Math.max(0, (int) Math.floor(y));
      int bw = Math.min(src.width() - bx, (int) Math.ceil(x + w) - bx);
      int bh = Math.min(src.height() - by, (int) Math.ceil(y + h) - by);
      RgbImage averaged = boxAverage(src, bx, by, bw, bh, block);
      return region(averaged, (x - bx) / block, (y - by) / block, w / block, h / block, outW, outH);
    }
    int sw = src.width();
    int sh = src.height();
    double fx = w / outW;
    double fy = h / outH;
    int[] x0 = new int[outW];
    int[] x1 = new int[outW];
    int[] ax = new int[outW];
    for (int ox = 0; ox < outW; ox++) {
      double sx = Math.max(0, Math.min(sw - 1, x + (ox + 0.5) * fx - 0.5));
      x0[ox] = (int) sx * 3;
      x1[ox] = Math.min(sw - 1, (int) sx + 1) * 3;
      ax[ox] = (int) Math.round((sx - (int) sx) * 256);
    }
    byte[] px = src.pixels();
    byte[] out = new byte[outW * outH * 3];
    for (int oy = 0; oy < outH; oy++) {
      double sy = Math.max(0, Math.min(sh - 1, y + (oy + 0.5) * fy - 0.5));
      int row0 = (int) sy * sw * 3;
      int row1 = Math.min(sh - 1, (int) sy + 1) * sw * 3;
      int ay = (int) Math.round((sy - (int) sy) * 256);
      int o = oy * outW * 3;
      for (int ox = 0; ox < outW; ox++) {
        int a = row0 + x0[ox];
        int b = row0 + x1[ox];
        int c = row1 + x0[ox];
        int d = row1 + x1[ox];
        int wx = ax[ox];
        for (int ch = 0; ch < 3; ch++) {
          int top = (px[a + ch] & 0xFF) * (256 - wx) + (px[b + ch] & 0xFF) * wx;
          int bottom = (px[c + ch] & 0xFF) * (256 - wx) + (px[d + ch] & 0xFF) * wx;
          out[o++] = (byte) ((top * (256 - ay) + bottom * ay + 32768) >> 16);
        }
      }
    }
    return new RgbImage(outW, outH, out);
  }

  /** Averages {@code block × block} pixel blocks of a rectangle. */
  static RgbImage boxAverage(RgbImage img, int x0, int y0, int width, int height, int block) {
    int w = Math.max(1, width / block);
    int h = Math.max(1, height / block);
    byte[] src = img.pixels();
    int srcW = img.width();
    int[] sums = new int[w * 3];
    byte[] dst = new byte[w * h * 3];
    int n = block * block;
    if (block == 2) {
      for (int y = 0; y < h; y++) {
        int r0 = (Math.min(img.height() - 1, y0 + 2 * y) * srcW + x0) * 3;
        int r1 = (Math.min(img.height() - 1, y0 + 2 * y + 1) * srcW + x0) * 3;
        int o = y * w * 3;
        for (int x = 0; x < w; x++, r0 += 6, r1 += 6) {
          for (int ch = 0; ch < 3; ch++) {
            dst[o++] = (byte) (((src[r0 + ch] & 0xFF) + (src[r0 + 3 + ch] & 0xFF) + (src[r1 + ch] & 0xFF) + (src[r1 + 3 + ch] & 0xFF) + 2) >> 2);
          }
        }
      }
      return new RgbImage(w, h, dst);
    }
    for (int y = 0; y < h; y++) {
      java.util.Arrays.fill(sums, 0);
      for (int dy = 0; dy < block; dy++) {
        int row = (Math.min(img.height() - 1, y0 + y * block + dy) * srcW + x0) * 3;
        for (int x = 0, i = row; x < w; x++) {
          int s = x * 3;
          for (int dx = 0; dx < block; dx++, i += 3) {
            sums[s] += src[i] & 0xFF;
            sums[s + 1] += src[i + 1] & 0xFF;
            sums[s + 2] += src[i + 2] & 0xFF;
          }
        }
      }
      int o = y * w * 3;
      for (int i = 0; i < w * 3; i++) {
        dst[o + i] = (byte) (sums[i] / n);
      }
    }
    return new RgbImage(w, h, dst);
  }
}
