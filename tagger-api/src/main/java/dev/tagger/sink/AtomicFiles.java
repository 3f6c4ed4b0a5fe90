package dev.tagger.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files beside a person's media written whole or not at all: into a hidden temporary file in the same
 * folder, then renamed over the target. The temporary file is made with the process's usual permissions
 * (its umask), not the owner-only ones of {@link Files#createTempFile}, so a media server running as
 * another user can read what the rename leaves.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** What writes the content to a stream. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws Exception;
  }

  static void replace(Path target, Content content) throws IOException {
    Path tmp = target.toAbsolutePath().getParent().resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
