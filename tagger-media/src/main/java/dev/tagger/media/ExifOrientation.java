package dev.tagger.media;

import dev.tagger.spi.RgbImage;

/** Reads the EXIF orientation tag of a JPEG and turns pixels upright accordingly. */
final class ExifOrientation {
  private ExifOrientation() {}

  /** The EXIF orientation (1..8) in a JPEG's APP1 segment; 1 when absent or unreadable. */
  static int read(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
      return 1;
    }
    int pos = 2;
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        return 1;
      }
      int length = u16(jpeg, pos + 2, false);
      if (length < 2 || pos + 2 + length > jpeg.length) {
        return 1;
      }
      if (marker == 0xE1 && length >= 16 && new String(jpeg, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
        return fromTiff(jpeg, pos + 10, pos + 2 + length);
      }
      pos += 2 + length;
    }
    return 1;
  }

  private static int fromTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 1;
    }
    boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
    boolean big = b[tiff] == 'M' && b[tiff + 1] == 'M';
    if (!little && !big) {
      return 1;
    }
    long ifd = u32(b, tiff + 4, little);
    int at = (int) (tiff + ifd);
    if (ifd < 8 || at + 2 > end) {
      return 1;
    }
    int entries = u16(b, at, little);
    for (int i = 0; i < entries; i++) {
      int e = at + 2 + i * 12;
      if (e + 12 > end) {
        return 1;
      }
      if (u16(b, e, little) == 0x0112) {
        int value = u16(b, e + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /** The image turned upright for an EXIF orientation value. */
  static RgbImage apply(RgbImage img, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return img;
    }
    int w = img.width();
    int h = img.height();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    byte[] src = img.pixels();
    byte[] dst = new byte[src.length];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = w - 1 - x; sy = y; }
          case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case 4 -> { sx = x; sy = h - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = h - 1 - x; }
          case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
          default -> { sx = w - 1 - y; sy = x; }
        }
        int s = (sy * w + sx) * 3;
        int d = (y * ow + x) * 3;
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
      }
    }
    return new RgbImage(ow, oh, dst);
  }

  private static int u16(byte[] b, int at, boolean little) {
    return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static long u32(byte[] b, int at, boolean little) {
    return little
        ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16)
        : ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
  }
}
