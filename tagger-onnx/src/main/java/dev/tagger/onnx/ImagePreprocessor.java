package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;

/**
 * ImageNet preprocessing: short side to {@code resize}, centre crop {@code crop}×{@code crop}, /255,
 * then (x - mean) / std per channel, written as NCHW floats. One pass straight from the source pixels;
 * large downscales first average blocks of pixels (as an antialiasing resize would) so a 12 MP photo is
 * not sampled sparsely.
 */
final class ImagePreprocessor {
  private final int resize;
  private final int crop;
  private final float[] scale = new float[3];
  private final float[] shift = new float[3];

  ImagePreprocessor(int resize, int crop, float[] mean, float[] std) {
    if (crop > resize) {
      throw new IllegalArgumentException("crop " + crop + " is larger than resize " + resize);
    }
    this.resize = resize;
    this.crop = crop;
    for (int c = 0; c < 3; c++) {
      scale[c] = 1f / (255f * std[c]);
      shift[c] = -mean[c] / std[c];
    }
  }

  int crop() {
    return crop;
  }

  /** Writes one image's {@code 3 × crop × crop} floats at the buffer's position. */
  void write(RgbImage img, FloatBuffer out) {
    RgbImage src = img;
    double factor = resize / (double) Math.min(src.width(), src.height());
    int block = (int) Math.floor(1 / factor / 2);
    if (block >= 2) {
      src = boxDownsample(src, block);
      factor = resize / (double) Math.min(src.width(), src.height());
    }
    int w = src.width();
    int h = src.height();
    int scaledW = (int) Math.round(w * factor);
    int scaledH = (int) Math.round(h * factor);
    int offX = (scaledW - crop) / 2;
    int offY = (scaledH - crop) / 2;
    byte[] px = src.pixels();
    int plane = crop * crop;
    float[] chw = new float[3 * plane];
    for (int oy = 0; oy < crop; oy++) {
      double sy = Math.max(0, Math.min(h - 1, (oy + offY + 0.5) / factor - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(h - 1, y0 + 1);
      float fy = (float) (sy - y0);
      for (int ox = 0; ox < crop; ox++) {
        double sx = Math.max(0, Math.min(w - 1, (ox + offX + 0.5) / factor - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(w - 1, x0 + 1);
        float fx = (float) (sx - x0);
        int a = (y0 * w + x0) * 3;
        int b = (y0 * w + x1) * 3;
        int c = (y1 * w + x0) * 3;
        int d = (y1 * w + x1) * 3;
        for (int ch = 0; ch < 3; ch++) {
          float top = (px[a + ch] & 0xFF) * (1 - fx) + (px[b + ch] & 0xFF) * fx;
          float bottom = (px[c + ch] & 0xFF) * (1 - fx) + (px[d + ch] & 0xFF) * fx;
          float v = top * (1 - fy) + bottom * fy;
          chw[ch * plane + oy * crop + ox] = v * scale[ch] + shift[ch];
        }
      }
    }
    out.put(chw);
  }

  /** Averages {@code block × block} pixel blocks. */
  static RgbImage boxDownsample(RgbImage img, int block) {
    int w = img.width() / block;
    int h = img.height() / block;
    byte[] src = img.pixels();
    byte[] dst = new byte[w * h * 3];
    int n = block * block;
    int srcW = img.width();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < block; dy++) {
          int row = ((y * block + dy) * srcW + x * block) * 3;
          for (int dx = 0; dx < block; dx++) {
            r += src[row] & 0xFF;
            g += src[row + 1] & 0xFF;
            b += src[row + 2] & 0xFF;
            row += 3;
          }
        }
        int o = (y * w + x) * 3;
        dst[o] = (byte) (r / n);
        dst[o + 1] = (byte) (g / n);
        dst[o + 2] = (byte) (b / n);
      }
    }
    return new RgbImage(w, h, dst);
  }
}
