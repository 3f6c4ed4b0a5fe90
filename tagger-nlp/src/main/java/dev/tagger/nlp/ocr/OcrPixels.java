package dev.tagger.nlp.ocr;

import dev.tagger.spi.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The pixel work of the PP-OCR engine: shrinking, resizing, padding and turning pictures, and its input tensors. */
final class OcrPixels {
  private OcrPixels() {}

  /**
   * The picture with its longer side at most {@code side}, each pixel the mean of the block it stands for
   * (sampled on a grid of up to 3×3), read straight from the picture's bytes: a 12 MP photo shrinks in a
   * few milliseconds, without a full-size copy.
   */
  static BufferedImage shrunk(RgbImage img, int side) {
    double f = Math.max(1.0, Math.max(img.width(), img.height()) / (double) side);
    int w = Math.max(1, (int) Math.round(img.width() / f));
    int h = Math.max(1, (int) Math.round(img.height() / f));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
    byte[] px = img.pixels();
    int step = Math.max(1, (int) (f / 3));
    for (int y = 0; y < h; y++) {
      int y0 = (int) (y * f);
      int y1 = Math.min(img.height(), Math.max(y0 + 1, (int) ((y + 1) * f)));
      for (int x = 0; x < w; x++) {
        int x0 = (int) (x * f);
        int x1 = Math.min(img.width(), Math.max(x0 + 1, (int) ((x + 1) * f)));
        int r = 0;
        int g = 0;
        int b = 0;
        int n = 0;
        for (int yy = y0; yy < y1; yy += step) {
          for (int xx = x0; xx < x1; xx += step) {
            int i = (yy * img.width() + xx) * 3;
            r += px[i] & 0xFF;
            g += px[i + 1] & 0xFF;
            b += px[i + 2] & 0xFF;
            n++;
          }
        }
        dst[y * w + x] = (r / n) << 16 | (g / n) << 8 | (b / n);
      }
    }
    return out;
  }

  /**
   * BGR planes; with mean and std: (x / 255 - mean) / std per plane (the detector), without: (x / 255 - 0.5) / 0.5
   * (recognizer and classifier).
   */
  static float[] tensor(BufferedImage img, float[] mean, float[] std) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
    int plane = w * h;
    float[] chw = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = rgb[i];
      int[] bgr = {p & 0xFF, p >> 8 & 0xFF, p >> 16 & 0xFF};
      for (int c = 0; c < 3; c++) {
        float v = bgr[c] / 255f;
        chw[c * plane + i] = mean == null ? (v - 0.5f) / 0.5f : (v - mean[c]) / std[c];
      }
    }
    return chw;
  }

  static BufferedImage resize(BufferedImage img, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  static BufferedImage pad(BufferedImage img, int width) {
    if (img.getWidth() >= width) {
      return img;
    }
    BufferedImage out = new BufferedImage(width, img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  static BufferedImage rotate180(BufferedImage img) {
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.rotate(Math.PI, img.getWidth() / 2.0, img.getHeight() / 2.0);
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  static BufferedImage toBufferedImage(RgbImage img) {
    BufferedImage out = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
    int[] rgb = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
    byte[] px = img.pixels();
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (px[3 * i] & 0xFF) << 16 | (px[3 * i + 1] & 0xFF) << 8 | (px[3 * i + 2] & 0xFF);
    }
    return out;
  }
}
