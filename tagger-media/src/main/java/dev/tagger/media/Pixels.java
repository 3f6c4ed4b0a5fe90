package dev.tagger.media;

import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.spi.RgbImage;
import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/** Copies JavaCV's RGB24 frames into {@link RgbImage}s and measures them. */
final class Pixels {
  /** Pictures larger than this many pixels are refused rather than risk running out of memory. */
  static final long MAX_PIXELS = 200_000_000L;

  private Pixels() {}

  static RgbImage toRgb(Frame frame, Media media) {
    int w = frame.imageWidth;
    int h = frame.imageHeight;
    if (w <= 0 || h <= 0) {
      throw new MediaException(media.id() + ": decoded picture has no size");
    }
    if ((long) w * h > MAX_PIXELS) {
      throw new MediaException(media.id() + ": picture is " + w + "x" + h + ", over the limit of " + MAX_PIXELS + " pixels");
    }
    ByteBuffer buf = ((ByteBuffer) frame.image[0]).duplicate();
    int stride = frame.imageStride;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      buf.position(y * stride);
      buf.get(rgb, y * w * 3, w * 3);
    }
    return new RgbImage(w, h, rgb);
  }

  /** Normalised luma histogram of an RGB24 frame, from every fourth pixel of every fourth row. */
  static double[] lumaHistogram(Frame frame, int bins) {
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    int stride = frame.imageStride;
    double[] h = new double[bins];
    int n = 0;
    for (int y = 0; y < frame.imageHeight; y += 4) {
      int row = y * stride;
      for (int x = 0; x < frame.imageWidth; x += 4) {
        int i = row + x * 3;
        int luma = (77 * (buf.get(i) & 0xFF) + 150 * (buf.get(i + 1) & 0xFF) + 29 * (buf.get(i + 2) & 0xFF)) >> 8;
        h[luma * bins / 256]++;
        n++;
      }
    }
    for (int i = 0; i < bins; i++) {
      h[i] /= Math.max(1, n);
    }
    return h;
  }
}
