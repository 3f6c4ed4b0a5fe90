package dev.tagger.search;

import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the index holds of an item: the words of its file name, its texts (a long one cut into pieces the sentence
 * model reads whole), its applied tags and its review tags, each distinct text once.
 */
final class Passages {
  /** The most words in one passage: all-MiniLM-L6-v2 reads 128 word pieces, about 90 English words. */
  static final int WORDS = 80;
  /** Words a piece shares with the one before it, so a phrase across a cut is still found. */
  static final int OVERLAP = 10;

  private Passages() {}

  static Map<String, TextItem> of(TagResult r) {
    Map<String, TextItem> out = new LinkedHashMap<>();
    String named = fileNameWords(r.path());
    if (!named.isEmpty()) {
      out.put("file name", new TextItem("file name", named, null, null));
    }
    for (TextItem t : r.texts()) {
      if (!t.text().isBlank()) {
        for (TextItem piece : pieces(t)) {
          out.putIfAbsent(piece.kind() + "\u0000" + piece.text(), piece);
        }
      }
    }
    if (!r.tags().isEmpty()) {
      String tags = String.join(", ", r.tags().stream().map(Tag::name).distinct().toList());
      out.put("tags", new TextItem("tags", tags, null, null));
    }
    if (!r.review().isEmpty()) { // what the tagger was unsure of still helps a search find the item
      String maybe = String.join(", ", r.review().stream().map(Tag::name).distinct().toList());
      out.put("review", new TextItem("review tags", maybe, null, null));
    }
    return out;
  }

  /**
   * A text as pieces of at most {@link #WORDS} words, each overlapping the one before by {@link #OVERLAP}; a transcript
   * whose words carry their times gives each piece the time its words were said.
   */
  static List<TextItem> pieces(TextItem t) {
    String[] words = t.text().strip().split("\\s+");
    if (words.length <= WORDS) {
      return List.of(new TextItem(t.kind(), t.text().strip(), t.span(), t.source()));
    }
    boolean timed = t.words().size() == words.length;
    List<TextItem> out = new ArrayList<>();
    for (int from = 0; ; from += WORDS - OVERLAP) {
      int to = Math.min(words.length, from + WORDS);
      TimeSpan span = timed ? new TimeSpan(t.words().get(from).startSeconds(), t.words().get(to - 1).endSeconds()) : t.span();
      out.add(new TextItem(t.kind(), String.join(" ", java.util.Arrays.asList(words).subList(from, to)), span, t.source()));
      if (to == words.length) {
        return out;
      }
    }
  }

  /**
   * The words of a path's file name, without its extension: split at anything but letters and digits and where a lower
   * case letter meets an upper case one ({@code beachSunset_2019.jpg} is "beach Sunset"); single characters, numbers
   * and counters ({@code p001}, {@code IMG}, {@code DSC}) say nothing and are left out.
   */
  static String fileNameWords(String path) {
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    List<String> words = new ArrayList<>();
    for (String w : name.replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").split("[^\\p{L}\\p{N}]+")) {
      boolean counter = w.chars().filter(Character::isLetter).count() < 3 && w.chars().anyMatch(Character::isDigit) // p001, 2019
          || w.matches("(?i)img|dsc|dscn|dcim|mvi|vid|pxl|gopr|mov|dji");
      if (w.length() > 1 && !counter) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }
}
