package dev.tagger.model;

import dev.tagger.MediaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and strings: how model files, media and cache keys are identified. */
public final class Hashing {
  private Hashing() {}

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  public static String sha256(Path file) {
    MessageDigest digest = newSha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      throw new MediaException(file + ": no such file");
    } catch (IOException e) {
      throw new MediaException(file + ": cannot read: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String sha256(String text) {
    return HexFormat.of().formatHex(newSha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
