package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.Arrays;

/** The input layout YOLOX and YuNet share: BGR planes of raw 0..255 values, the picture pasted top-left on a canvas. */
final class BgrCanvas {
  private BgrCanvas() {}

  /** A {@code 3 × height × width} NCHW tensor filled with {@code fill}, the image at the top left. */
  static FloatBuffer of(RgbImage img, int width, int height, float fill) {
    int plane = width * height;
    float[] chw = new float[3 * plane];
    Arrays.fill(chw, fill);
    byte[] px = img.pixels();
    int w = Math.min(width, img.width());
    int h = Math.min(height, img.height());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * img.width() + x) * 3;
        int o = y * width + x;
        chw[o] = px[i + 2] & 0xFF;
        chw[plane + o] = px[i + 1] & 0xFF;
        chw[2 * plane + o] = px[i] & 0xFF;
      }
    }
    return FloatBuffer.wrap(chw);
  }
}
