package dev.tagger.sink;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.model.Hashing;
import dev.tagger.spi.TagSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a video's speech transcript as subtitles beside it: {@code VIDEO.LANG.srt} and
 * {@code VIDEO.LANG.vtt} ({@code VIDEO} without its extension, {@code LANG} the two-letter code of the
 * language the language analyzer found, left out when it found none), which Stash shows as captions and
 * players load. Cues are about a sentence long ({@link SubtitleCues}). A subtitle a person made is never
 * overwritten, nor joined by ours: ours are known by the NOTE in our .vtt, which holds the SHA-256 of its
 * cues and of the .srt written with it; a file beside the video that is not ours leaves the video without
 * our subtitles. Each file is written atomically, the .vtt first, so a run cut short is redone. Thread-safe.
 */
public final class SubtitleSink implements TagSink {
  private static final Logger LOG = LoggerFactory.getLogger(SubtitleSink.class);
  /** The start of our .vtt's NOTE. */
  static final String MARK = "Made by Tagger from the speech transcript";

  @Override
  public void accept(TagResult result) {
    if (result.kind() != MediaKind.VIDEO || result.error() != null) {
      return;
    }
    List<TextItem> transcripts = result.texts().stream().filter(t -> t.kind().equals("transcript") && !t.words().isEmpty()).toList();
    if (transcripts.isEmpty()) {
      return;
    }
    Path video = Path.of(result.path()).toAbsolutePath();
    try {
      write(video, language(result).orElse(null), SubtitleCues.of(transcripts));
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: cannot write its subtitles: {}", video, e.toString());
    }
  }

  private static void write(Path video, @Nullable String language, List<SubtitleCues.Cue> cues) throws IOException {
    Path dir = video.getParent();
    String base = baseName(video);
    String stem = base + (language == null ? "" : "." + language);
    Path srt = dir.resolve(stem + ".srt");
    Path vtt = dir.resolve(stem + ".vtt");
    for (Path existing : subtitlesOf(dir, base)) {
      if (!isOurs(existing, dir, base)) {
        LOG.info("{}: left without our subtitles: {} was made by someone else", video, existing.getFileName());
        return;
      }
    }
    String srtText = SubtitleCues.srt(cues);
    String vttCues = SubtitleCues.vtt(cues, "").substring(header("").length());
    String note = MARK + "; cues sha256 " + Hashing.sha256(vttCues) + "; srt sha256 " + Hashing.sha256(srtText);
    if (Files.exists(srt)) { // ours (checked above): it stays ours should the run end between the two files
      note += "; earlier srt sha256 " + Hashing.sha256(Files.readString(srt, StandardCharsets.UTF_8));
    }
    writeAtomically(vtt, header(note) + vttCues);
    writeAtomically(srt, srtText);
  }

  private static String header(String note) {
    return "WEBVTT\n\nNOTE " + note + "\n\n";
  }

  /** Subtitles of this video already in the folder: {@code BASE.srt}, {@code BASE.vtt}, {@code BASE.X.srt}, {@code BASE.X.vtt}. */
  static List<Path> subtitlesOf(Path dir, String base) throws IOException {
    List<Path> found = new ArrayList<>();
    String prefix = base.toLowerCase(Locale.ROOT) + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> {
      String n = lower(f); // as case-insensitive file systems (Windows, macOS) see them
      if (!n.startsWith(prefix) || !(n.endsWith(".srt") || n.endsWith(".vtt"))) {
        return false;
      }
      int from = base.length() + 1;
      int to = n.length() - 4;
      String middle = to <= from ? "" : n.substring(from, to); // "" or the language
      return middle.isEmpty() || (middle.length() <= 8 && !middle.contains("."));
    })) {
      files.forEach(found::add);
    }
    return found.stream().sorted(Comparator.comparing(Path::toString)).toList();
  }

  /** Ours: a .vtt whose NOTE holds the SHA-256 of its own cues, or a .srt whose SHA-256 one of our .vtt files holds. */
  static boolean isOurs(Path file, Path dir, String base) throws IOException {
    if (lower(file).endsWith(".vtt")) {
      return ourNote(file).isPresent();
    }
    String sha = Hashing.sha256(Files.readString(file, StandardCharsets.UTF_8));
    for (Path other : subtitlesOf(dir, base)) {
      if (lower(other).endsWith(".vtt") && ourNote(other).map(n -> (n + ";").contains("srt sha256 " + sha + ";")).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Our NOTE of a .vtt, when the file is ours and its cues are as we wrote them. */
  private static Optional<String> ourNote(Path vtt) throws IOException {
    String text = Files.readString(vtt, StandardCharsets.UTF_8);
    String start = "WEBVTT\n\nNOTE " + MARK;
    int end = text.indexOf("\n\n", start.length());
    if (!text.startsWith(start) || end < 0) {
      return Optional.empty();
    }
    String note = text.substring("WEBVTT\n\nNOTE ".length(), end);
    String cues = text.substring(end + 2);
    return note.contains("; cues sha256 " + Hashing.sha256(cues) + ";") ? Optional.of(note) : Optional.empty();
  }

  /** The two-letter code of the item's language tag (applied or for review), the surest one. */
  static Optional<String> language(TagResult result) {
    return Stream.concat(result.tags().stream(), result.review().stream())
        .filter(t -> t.category() == Category.LANGUAGE)
        .max(Comparator.comparingDouble(Tag::confidence))
        .flatMap(t -> code(t.name()));
  }

  /** "english" → "en": the ISO 639-1 language whose English name this is. */
  static Optional<String> code(String englishName) {
    for (String code : Locale.getISOLanguages()) {
      if (new Locale(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(englishName.strip())) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  private static String lower(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  static String baseName(Path video) {
    String n = video.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    AtomicFiles.replace(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
