package dev.tagger.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words people put in file names: {@code 2019-07-04_grand-canyon_hike_IMG_0042.jpg} gives the phrases
 * "grand canyon" and "hike" and the date 2019-07-04. Underscores, dots and spaces separate phrases;
 * hyphens and camelCase separate words within one; camera prefixes (IMG, DSC, PXL, …) and bare numbers
 * are noise.
 */
public final class FileNames {
  /** What a name holds. */
  public record Parsed(List<String> phrases, List<LocalDate> dates) {}

  static final Set<String> CAMERA_NOISE = Set.of("img", "dsc", "dscn", "dscf", "pxl", "vid", "mvi", "mov", "gopr", "gp",
      "gx", "dji", "sam", "wp", "pict", "imag", "photo", "image", "screenshot", "screen", "shot", "copy", "edited", "final",
      "hdr", "pano", "burst", "cover", "mp", "raw", "jpg", "jpeg", "png", "mp4", "heic");
  private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\\d|3[01])(?!\\d)");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  private FileNames() {}

  public static Parsed parse(String fileName) {
    String name = fileName;
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    List<LocalDate> dates = new ArrayList<>();
    Matcher m = DATE.matcher(name);
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      try {
        dates.add(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        m.appendReplacement(rest, " ");
      } catch (java.time.DateTimeException e) {
        m.appendReplacement(rest, Matcher.quoteReplacement(m.group()));
      }
    }
    m.appendTail(rest);
    List<String> phrases = new ArrayList<>();
    for (String segment : rest.toString().split("[_.\\s()\\[\\],]+")) {
      List<String> words = new ArrayList<>();
      for (String part : segment.split("-+")) {
        for (String w : CAMEL.split(part)) {
          String word = w.toLowerCase(Locale.ROOT);
          if (word.length() >= 2 && word.chars().anyMatch(Character::isLetter) && !CAMERA_NOISE.contains(word)
              && !word.matches("[a-z]{0,3}\\d+[a-z]{0,2}")) {
            words.add(word);
          }
        }
      }
      if (!words.isEmpty()) {
        phrases.add(String.join(" ", words));
      }
    }
    return new Parsed(phrases, dates);
  }
}
