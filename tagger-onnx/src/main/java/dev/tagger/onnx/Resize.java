package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;

/** Bilinear resizing of RGB images, with block averaging first for large downscales. */
final class Resize {
  private Resize() {}

  static RgbImage bilinear(RgbImage src, int width, int height) {
    if (src.width() == width && src.height() == height) {
      return src;
    }
    int block = (int) Math.floor(Math.min(src.width() / (double) width, src.height() / (double) height) / 2);
    if (block >= 2) {
      src = ImagePreprocessor.boxDownsample(src, block);
    }
    int w = src.width();
    int h = src.height();
    double fx = w / (double) width;
    double fy = h / (double) height;
    byte[] px = src.pixels();
    byte[] out = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * fy - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(h - 1, y0 + 1);
      double ay = sy - y0;
      for (int x = 0; x < width; x++) {
        double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * fx - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(w - 1, x0 + 1);
        double ax = sx - x0;
        int a = (y0 * w + x0) * 3;
        int b = (y0 * w + x1) * 3;
        int c = (y1 * w + x0) * 3;
        int d = (y1 * w + x1) * 3;
        int o = (y * width + x) * 3;
        for (int ch = 0; ch < 3; ch++) {
          double top = (px[a + ch] & 0xFF) * (1 - ax) + (px[b + ch] & 0xFF) * ax;
          double bottom = (px[c + ch] & 0xFF) * (1 - ax) + (px[d + ch] & 0xFF) * ax;
          out[o + ch] = (byte) Math.round(top * (1 - ay) + bottom * ay);
        }
      }
    }
    return new RgbImage(width, height, out);
  }
}
