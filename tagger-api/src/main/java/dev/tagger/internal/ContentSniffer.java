package dev.tagger.internal;

import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Tells an item's kind from its first bytes (magic numbers), never from its name. */
public final class ContentSniffer {
  static final int PROBE_BYTES = 4096;

  private ContentSniffer() {}

  /**
   * The kind of the file's content.
   *
   * @throws MediaException when the file is missing, a directory, unreadable or empty
   */
  public static MediaKind sniff(Path file) {
    if (Files.isDirectory(file)) {
      throw new MediaException(file + ": is a directory, not a media file");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(PROBE_BYTES);
    } catch (NoSuchFileException e) {
      throw new MediaException(file + ": no such file");
    } catch (IOException e) {
      throw new MediaException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (head.length == 0) {
      throw new MediaException(file + ": file is empty (0 bytes)");
    }
    return sniff(head);
  }

  /** The kind of content that starts with these bytes. */
  public static MediaKind sniff(byte[] b) {
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)
        || startsWith(b, 0, 0x89, 'P', 'N', 'G')
        || startsWith(b, 0, 'G', 'I', 'F', '8')
        || startsWith(b, 0, 'B', 'M') && b.length > 14
        || startsWith(b, 0, 'I', 'I', 0x2A, 0x00)
        || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)
        || riff(b, "WEBP")) {
      return MediaKind.IMAGE;
    }
    if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
      String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
      return switch (brand) {
        case "M4A ", "M4B ", "M4P ", "F4A " -> MediaKind.AUDIO;
        case "heic", "heix", "mif1", "msf1", "avif" -> MediaKind.IMAGE;
        default -> MediaKind.VIDEO;
      };
    }
    if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)
        || riff(b, "AVI ")
        || startsWith(b, 0, 'F', 'L', 'V')
        || startsWith(b, 0, 0x00, 0x00, 0x01, 0xBA)
        || startsWith(b, 0, 0x00, 0x00, 0x01, 0xB3)
        || startsWith(b, 0, 0x30, 0x26, 0xB2, 0x75)
        || mpegTransportStream(b)) {
      return MediaKind.VIDEO;
    }
    if (riff(b, "WAVE")
        || startsWith(b, 0, 'f', 'L', 'a', 'C')
        || startsWith(b, 0, 'O', 'g', 'g', 'S')
        || startsWith(b, 0, 'I', 'D', '3')
        || startsWith(b, 0, 'F', 'O', 'R', 'M') && b.length >= 12 && b[8] == 'A' && b[9] == 'I'
        || b.length >= 2 && (b[0] & 0xFF) == 0xFF && ((b[1] & 0xE0) == 0xE0) && (b[1] & 0x06) != 0) {
      return MediaKind.AUDIO;
    }
    return looksLikeText(b) ? MediaKind.TEXT : MediaKind.UNKNOWN;
  }

  private static boolean riff(byte[] b, String form) {
    return startsWith(b, 0, 'R', 'I', 'F', 'F')
        && b.length >= 12
        && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals(form);
  }

  private static boolean mpegTransportStream(byte[] b) {
    return b.length >= 3 * 188 && b[0] == 0x47 && b[188] == 0x47 && b[376] == 0x47;
  }

  /** Valid UTF-8 (a cut-off last character allowed), no NUL, and almost no control characters. */
  static boolean looksLikeText(byte[] b) {
    int controls = 0;
    for (byte x : b) {
      if (x == 0) {
        return false;
      }
      if (x >= 0 && x < 0x20 && x != '\n' && x != '\r' && x != '\t' && x != '\f') {
        controls++;
      }
    }
    if (controls * 100 > b.length) {
      return false;
    }
    int end = b.length;
    // Allow a multi-byte character cut off by the probe limit.
    for (int i = 0; i < 3 && end > 0 && (b[end - 1] & 0xC0) == 0x80; i++) {
      end--;
    }
    if (end > 0 && (b[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] b, int offset, int... magic) {
    if (b.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[offset + i] & 0xFF) != (magic[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
