package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;

/**
 * A face cut out upright and to scale: the similarity transform (rotation, scale, shift) that best maps
 * YuNet's eye centres and nose tip onto dlib's 150 x 150 face-chip template, and a bilinear warp through it.
 * The template is dlib's own ({@code get_face_chip_details}, padding 0.25): the eyes' centres at
 * (47.7, 47.1) and (100.3, 47.1), the nose at (74.0, 87.8).
 */
final class FaceAlignment {
  static final int SIZE = 150;
  /** The template: image-left eye, image-right eye, nose (YuNet gives the subject's right eye first: the image-left one). */
  private static final double[][] TEMPLATE = {{47.7, 47.1}, {100.3, 47.1}, {74.0, 87.8}};

  private FaceAlignment() {}

  /**
   * The aligned 150 x 150 RGB chip.
   *
   * @param landmarks YuNet's ten numbers: right eye, left eye, nose, right and left mouth corner, x then y
   */
  static RgbImage chip(RgbImage img, float[] landmarks) {
    double[][] src = {{landmarks[0], landmarks[1]}, {landmarks[2], landmarks[3]}, {landmarks[4], landmarks[5]}};
    double sx = 0;
    double sy = 0;
    double dx = 0;
    double dy = 0;
    for (int i = 0; i < 3; i++) {
      sx += src[i][0] / 3;
      sy += src[i][1] / 3;
      dx += TEMPLATE[i][0] / 3;
      dy += TEMPLATE[i][1] / 3;
    }
    double num1 = 0;
    double num2 = 0;
    double den = 0;
    for (int i = 0; i < 3; i++) { // least squares in complex numbers: dst = c * src, c = a + ib
      double zx = src[i][0] - sx;
      double zy = src[i][1] - sy;
      double wx = TEMPLATE[i][0] - dx;
      double wy = TEMPLATE[i][1] - dy;
      num1 += zx * wx + zy * wy;
      num2 += zx * wy - zy * wx;
      den += zx * zx + zy * zy;
    }
    double a = den == 0 ? 1 : num1 / den;
    double b = den == 0 ? 0 : num2 / den;
    double n = a * a + b * b;
    byte[] src8 = img.pixels();
    byte[] out = new byte[SIZE * SIZE * 3];
    for (int v = 0; v < SIZE; v++) {
      for (int u = 0; u < SIZE; u++) {
        double ux = u - dx;
        double uy = v - dy;
        double x = sx + (a * ux + b * uy) / n; // the inverse rotation and scale
        double y = sy + (-b * ux + a * uy) / n;
        sample(src8, img.width(), img.height(), x, y, out, (v * SIZE + u) * 3);
      }
    }
    return new RgbImage(SIZE, SIZE, out);
  }

  /** A face's pixels as the face-api.js models take them: NHWC floats 0..255, appended to {@code out}. */
  static void putPixels(RgbImage face, java.nio.FloatBuffer out) {
    for (byte b : face.pixels()) {
      out.put(b & 0xFF);
    }
  }

  private static void sample(byte[] px, int w, int h, double x, double y, byte[] out, int at) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    for (int c = 0; c < 3; c++) {
      double v = value(px, w, h, x0, y0, c) * (1 - fx) * (1 - fy) + value(px, w, h, x0 + 1, y0, c) * fx * (1 - fy)
          + value(px, w, h, x0, y0 + 1, c) * (1 - fx) * fy + value(px, w, h, x0 + 1, y0 + 1, c) * fx * fy;
      out[at + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
  }

  private static double value(byte[] px, int w, int h, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      return 0;
    }
    return px[(y * w + x) * 3 + c] & 0xFF;
  }

  /** How sharp a chip is: the variance of its grey Laplacian (a blurred face scores low). */
  static double sharpness(RgbImage chip) {
    int w = chip.width();
    int h = chip.height();
    byte[] p = chip.pixels();
    double[] grey = new double[w * h];
    for (int i = 0; i < w * h; i++) {
      grey[i] = 0.299 * (p[3 * i] & 0xFF) + 0.587 * (p[3 * i + 1] & 0xFF) + 0.114 * (p[3 * i + 2] & 0xFF);
    }
    double sum = 0;
    double sum2 = 0;
    int count = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double l = grey[(y - 1) * w + x] + grey[(y + 1) * w + x] + grey[y * w + x - 1] + grey[y * w + x + 1] - 4 * grey[y * w + x];
        sum += l;
        sum2 += l * l;
        count++;
      }
    }
    double mean = sum / count;
    return sum2 / count - mean * mean;
  }
}
