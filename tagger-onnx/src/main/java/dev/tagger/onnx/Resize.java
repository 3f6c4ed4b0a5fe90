package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Resizing of RGB images (or a rectangle of them): bilinear, from the image halved (2 × 2 pixel averages) as
 * many times as the shrink allows while staying over 2×, so large photos are not sampled sparsely. Each
 * image's halvings are made once and kept while the image is in use, so the classifier, the detector and
 * the face detector, which shrink the same 12 MP photo to different sizes, read its full pixels once
 * between them.
 */
final class Resize {
  /** Each image's successive halvings, while the image lives (an image is its own key: records compare arrays by identity). */
  private static final Map<RgbImage, List<RgbImage>> HALVINGS = Collections.synchronizedMap(new WeakHashMap<>());

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
      int times = 31 - Integer.numberOfLeadingZeros(block); // the most halvings that leave over 2x to shrink
      RgbImage smaller = halved(src, times);
      double f = 1 << times;
      return region(smaller, x / f, y / f, w / f, h / f, outW, outH);
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

  /** The image halved {@code times} times, each halving made once for the image's life. */
  static RgbImage halved(RgbImage src, int times) {
    if (times <= 0) {
      return src;
    }
    List<RgbImage> levels = HALVINGS.computeIfAbsent(src, k -> new ArrayList<>());
    synchronized (levels) {
      while (levels.size() < times) {
        RgbImage last = levels.isEmpty() ? src : levels.get(levels.size() - 1);
        if (last.width() < 2 || last.height() < 2) {
          return last;
        }
        levels.add(half(last));
      }
      return levels.get(times - 1);
    }
  }

  /** Averages 2 x 2 pixel blocks (an odd last row or column is dropped). */
  static RgbImage half(RgbImage img) {
    int w = img.width() / 2;
    int h = img.height() / 2;
    byte[] src = img.pixels();
    int srcW = img.width();
    byte[] dst = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      int r0 = 2 * y * srcW * 3;
      int r1 = (2 * y + 1) * srcW * 3;
      int o = y * w * 3;
      for (int x = 0; x < w; x++, r0 += 6, r1 += 6) {
        for (int ch = 0; ch < 3; ch++) {
          dst[o++] = (byte) (((src[r0 + ch] & 0xFF) + (src[r0 + 3 + ch] & 0xFF) + (src[r1 + ch] & 0xFF) + (src[r1 + 3 + ch] & 0xFF) + 2) >> 2);
        }
      }
    }
    return new RgbImage(w, h, dst);
  }
}
