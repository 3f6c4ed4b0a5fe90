package dev.tagger.cli;

import dev.tagger.Media;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths given on the command line: files as they are, folders walked recursively in name
 * order, skipping hidden entries and XMP sidecars. A path that does not exist is still listed, so its
 * item fails with a clear error instead of vanishing from the report.
 */
final class MediaWalker {
  private MediaWalker() {}

  static List<Media> expand(List<Path> paths) {
    List<Media> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(Media.of(p));
        continue;
      }
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(Files::isRegularFile)
            .filter(f -> !isSkipped(p, f))
            .sorted()
            .forEach(f -> out.add(Media.of(f)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot walk " + p + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static boolean isSkipped(Path root, Path file) {
    String name = file.getFileName().toString();
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xmp")) {
      return true;
    }
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
