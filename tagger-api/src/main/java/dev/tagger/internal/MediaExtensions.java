package dev.tagger.internal;

import dev.tagger.MediaKind;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kind a file's name promises. Content decides what an item is; the name only serves to catch a
 * file whose content cannot be what its name says, such as text saved as {@code photo.jpg}.
 */
public final class MediaExtensions {
  private static final Map<String, MediaKind> BY_EXTENSION = Map.ofEntries(
      Map.entry("jpg", MediaKind.IMAGE), Map.entry("jpeg", MediaKind.IMAGE), Map.entry("png", MediaKind.IMAGE),
      Map.entry("gif", MediaKind.IMAGE), Map.entry("webp", MediaKind.IMAGE), Map.entry("bmp", MediaKind.IMAGE),
      Map.entry("tif", MediaKind.IMAGE), Map.entry("tiff", MediaKind.IMAGE), Map.entry("heic", MediaKind.IMAGE),
      Map.entry("mp4", MediaKind.VIDEO), Map.entry("m4v", MediaKind.VIDEO), Map.entry("mov", MediaKind.VIDEO),
      Map.entry("mkv", MediaKind.VIDEO), Map.entry("webm", MediaKind.VIDEO), Map.entry("avi", MediaKind.VIDEO),
      Map.entry("wmv", MediaKind.VIDEO), Map.entry("flv", MediaKind.VIDEO), Map.entry("ts", MediaKind.VIDEO),
      Map.entry("mp3", MediaKind.AUDIO), Map.entry("wav", MediaKind.AUDIO), Map.entry("flac", MediaKind.AUDIO),
      Map.entry("ogg", MediaKind.AUDIO), Map.entry("m4a", MediaKind.AUDIO), Map.entry("aac", MediaKind.AUDIO),
      Map.entry("opus", MediaKind.AUDIO));

  private MediaExtensions() {}

  /** The kind the file name's extension promises, if it names a picture, video or audio format. */
  public static Optional<MediaKind> promisedBy(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_EXTENSION.get(s.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }
}
