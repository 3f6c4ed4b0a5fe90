package dev.tagger.cli;

import dev.tagger.Media;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands the paths given on the command line: files as they are, folders walked recursively in name
 * order, skipping hidden entries, XMP sidecars and subtitles. Every entry is accounted for: a regular file (or a
 * symbolic link to one) becomes an item; a FIFO, socket or device, a dangling or looping symbolic link, a
 * link to a folder and a folder named like a media file are {@link Skipped} with the reason, and are never
 * opened (a FIFO would block the reader). A path that does not exist is still listed, so its item fails
 * with a clear error instead of vanishing from the report.
 */
final class MediaWalker {
  /** An entry that is not tagged, and why. */
  record Skipped(String path, String reason) {}

  /** The items to tag and the entries skipped, each in name order. */
  record Expansion(List<Media> items, List<Skipped> skipped) {}

  private static final Set<String> MEDIA_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff",
      "heic", "mp4", "mkv", "avi", "mov", "webm", "wmv", "m4v", "mp3", "wav", "ogg", "flac", "m4a", "opus");

  private MediaWalker() {}

  static Expansion walk(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        walkFolder(p, files, skipped);
      } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        entry(p, files, skipped);
      } else {
        files.add(p); // fails as an item: "no such file"
      }
    }
    files.sort(Comparator.naturalOrder());
    skipped.sort(Comparator.comparing(Skipped::path));
    return new Expansion(files.stream().map(Media::of).toList(), List.copyOf(skipped));
  }

  private static void walkFolder(Path root, List<Path> files, List<Skipped> skipped) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (!dir.equals(root) && MEDIA_EXTENSIONS.contains(extension(dir))) {
            skipped.add(new Skipped(Media.of(dir).id(), "a folder, named like a media file (its files are walked)"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (!name.startsWith(".") && !isSidecar(name)) {
            entry(file, files, skipped);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          skipped.add(new Skipped(Media.of(file).id(), "cannot be read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      skipped.add(new Skipped(Media.of(root).id(), "cannot walk the folder: " + e.getMessage()));
    }
  }

  /** One entry that is not a folder: an item, or skipped with the reason. */
  private static void entry(Path file, List<Path> files, List<Skipped> skipped) {
    String id = Media.of(file).id();
    try {
      BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (own.isRegularFile()) {
        files.add(file);
        return;
      }
      if (!own.isSymbolicLink()) {
        skipped.add(new Skipped(id, "not a regular file (a FIFO, socket or device); not opened"));
        return;
      }
      BasicFileAttributes target = Files.readAttributes(file, BasicFileAttributes.class);
      if (target.isRegularFile()) {
        files.add(file);
      } else if (target.isDirectory()) {
        skipped.add(new Skipped(id, "a symbolic link to a folder; not followed"));
      } else {
        skipped.add(new Skipped(id, "a symbolic link to something that is not a regular file; not opened"));
      }
    } catch (NoSuchFileException e) {
      skipped.add(new Skipped(id, "a dangling symbolic link (its target does not exist)"));
    } catch (FileSystemException e) {
      String why = e.getReason() == null ? e.getMessage() : e.getReason();
      skipped.add(new Skipped(id, why != null && why.contains("levels of symbolic links")
          ? "a symbolic link loop" : "cannot be read: " + why));
    } catch (IOException e) {
      skipped.add(new Skipped(id, "cannot be read: " + e.getMessage()));
    }
  }

  /** XMP sidecars and subtitles, which are written beside media (by us, among others) and are not items. */
  static boolean isSidecar(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xmp") || lower.endsWith(".srt") || lower.endsWith(".vtt");
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
