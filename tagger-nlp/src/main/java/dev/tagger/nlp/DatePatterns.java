package dev.tagger.nlp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Full dates written in English text: 2019-07-04, July 4, 2019, 4 July 2019 (month names may be abbreviated). */
public final class DatePatterns {
  /** A date and the words it was read from. */
  public record Found(LocalDate date, String text) {}

  private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Pattern ISO = Pattern.compile("(?<![\\d-])((?:19|20)\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![\\d-])");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+((?:19|20)\\d{2})\\b");

  private DatePatterns() {}

  public static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    for (Matcher m = ISO.matcher(text); m.find(); ) {
      add(out, m.group(), m.group(1), m.group(2), m.group(3));
    }
    for (Matcher m = MONTH_DAY_YEAR.matcher(text); m.find(); ) {
      add(out, m.group(), m.group(3), month(m.group(1)), m.group(2));
    }
    for (Matcher m = DAY_MONTH_YEAR.matcher(text); m.find(); ) {
      add(out, m.group(), m.group(3), month(m.group(2)), m.group(1));
    }
    return out;
  }

  private static String month(String name) {
    String key = name.substring(0, 3).toUpperCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.name().startsWith(key)) {
        return Integer.toString(m.getValue());
      }
    }
    throw new IllegalStateException("not a month: " + name);
  }

  private static void add(List<Found> out, String text, String year, String month, String day) {
    try {
      out.add(new Found(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), text));
    } catch (DateTimeException e) {
      // 31 June and the like: not a date
    }
  }
}
