package dev.tagger.media;

/**
 * Tells a complete JPEG from a truncated one: FFmpeg decodes a cut-off JPEG without complaint, filling
 * the missing rows with grey, which would be tagged as if it were the photo. A complete JPEG has an
 * end-of-image marker after its first scan; bytes after it (thumbnails, motion-photo trailers) are fine.
 */
final class JpegIntegrity {
  private JpegIntegrity() {}

  static boolean isJpeg(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
  }

  /**
   * The width and height its frame header (SOF) gives, before any EXIF turn, or null when no frame header
   * comes before the first scan.
   */
  static int @org.jspecify.annotations.Nullable [] size(byte[] b) {
    int pos = 2;
    while (pos + 9 < b.length) {
      while (pos + 1 < b.length && (b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFF) == 0xFF) {
        pos++;
      }
      if ((b[pos] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[pos + 1] & 0xFF;
      int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
      boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (frame) {
        int height = (b[pos + 5] & 0xFF) << 8 | (b[pos + 6] & 0xFF);
        int width = (b[pos + 7] & 0xFF) << 8 | (b[pos + 8] & 0xFF);
        return width > 0 && height > 0 ? new int[] {width, height} : null;
      }
      if (marker == 0xDA) {
        return null;
      }
      pos += 2 + length;
    }
    return null;
  }

  /** A reason the JPEG is incomplete, or null when it is whole. */
  static String problem(byte[] b) {
    int pos = 2;
    while (true) {
      while (pos < b.length && (b[pos] & 0xFF) == 0xFF && pos + 1 < b.length && (b[pos + 1] & 0xFF) == 0xFF) {
        pos++; // fill bytes
      }
      if (pos + 4 > b.length) {
        return "truncated JPEG: file ends inside its headers";
      }
      if ((b[pos] & 0xFF) != 0xFF) {
        return "corrupt JPEG: expected a marker at byte " + pos;
      }
      int marker = b[pos + 1] & 0xFF;
      int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
      if (marker == 0xDA) {
        pos += 2 + length;
        break;
      }
      if (pos + 2 + length > b.length) {
        return "truncated JPEG: file ends inside a header segment";
      }
      pos += 2 + length;
    }
    for (int i = pos; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
        return null;
      }
    }
    return "truncated JPEG: image data ends without an end-of-image marker (the file was cut off)";
  }
}
