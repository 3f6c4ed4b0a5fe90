package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;

/**
 * ImageNet preprocessing: short side to {@code resize}, centre crop {@code crop}×{@code crop}, /255,
 * then (x - mean) / std per channel, written as NCHW floats. Only the part of the picture the crop
 * covers is read and resampled ({@link Resize#region}); large downscales average blocks of pixels first
 * (as an antialiasing resize would) so a 12 MP photo is not sampled sparsely.
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
    double factor = resize / (double) Math.min(img.width(), img.height());
    double offX = (Math.round(img.width() * factor) - crop) / 2;
    double offY = (Math.round(img.height() * factor) - crop) / 2;
    RgbImage cropped = Resize.region(img, offX / factor, offY / factor, crop / factor, crop / factor, crop, crop);
    byte[] px = cropped.pixels();
    int plane = crop * crop;
    int base = out.position();
    if (out.hasArray()) {
      float[] a = out.array();
      int at = out.arrayOffset() + base;
      for (int i = 0, p = 0; i < plane; i++, p += 3) {
        a[at + i] = (px[p] & 0xFF) * scale[0] + shift[0];
        a[at + plane + i] = (px[p + 1] & 0xFF) * scale[1] + shift[1];
        a[at + 2 * plane + i] = (px[p + 2] & 0xFF) * scale[2] + shift[2];
      }
    } else {
      for (int i = 0, p = 0; i < plane; i++, p += 3) {
        out.put(base + i, (px[p] & 0xFF) * scale[0] + shift[0]);
        out.put(base + plane + i, (px[p + 1] & 0xFF) * scale[1] + shift[1]);
        out.put(base + 2 * plane + i, (px[p + 2] & 0xFF) * scale[2] + shift[2]);
      }
    }
    out.position(base + 3 * plane);
  }
}
