package dev.tagger.sink;

import dev.tagger.TextItem;
import dev.tagger.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A transcript's words cut into subtitle cues of about a sentence: a new cue where the speaker pauses,
 * or where the cue would run past {@value #MAX_SECONDS} s or {@value #MAX_CHARS} characters (two lines of
 * {@value #LINE_CHARS}); and written as SubRip (.srt) or WebVTT (.vtt).
 */
final class SubtitleCues {
  /** A pause longer than this between two words ends a cue. */
  static final double PAUSE_SECONDS = 0.7;
  static final double MAX_SECONDS = 6.0;
  static final int LINE_CHARS = 42;
  static final int MAX_CHARS = 2 * LINE_CHARS;
  /** A cue stays on screen at least this long, unless the next one starts sooner. */
  static final double MIN_SECONDS = 1.0;

  private SubtitleCues() {}

  /** One cue: its time on screen and its words. */
  record Cue(double start, double end, List<String> words) {
    String text() {
      return String.join(" ", words);
    }
  }

  /** The cues of the transcripts' timed words, in time order. */
  static List<Cue> of(List<TextItem> transcripts) {
    List<TimedWord> words = transcripts.stream().flatMap(t -> t.words().stream())
        .sorted(java.util.Comparator.comparingDouble(TimedWord::startSeconds)).toList();
    List<Cue> cues = new ArrayList<>();
    List<String> current = new ArrayList<>();
    double start = 0;
    double end = 0;
    for (TimedWord w : words) {
      String text = w.word().strip();
      if (text.isEmpty()) {
        continue;
      }
      int length = String.join(" ", current).length() + 1 + text.length();
      if (!current.isEmpty() && (w.startSeconds() - end > PAUSE_SECONDS || w.endSeconds() - start > MAX_SECONDS || length > MAX_CHARS)) {
        cues.add(new Cue(start, end, List.copyOf(current)));
        current.clear();
      }
      if (current.isEmpty()) {
        start = w.startSeconds();
      }
      current.add(text);
      end = Math.max(end, w.endSeconds());
    }
    if (!current.isEmpty()) {
      cues.add(new Cue(start, end, List.copyOf(current)));
    }
    List<Cue> held = new ArrayList<>(); // short cues held a little longer, never into the next one
    for (int i = 0; i < cues.size(); i++) {
      Cue c = cues.get(i);
      double next = i + 1 < cues.size() ? cues.get(i + 1).start() : Double.MAX_VALUE;
      held.add(new Cue(c.start(), Math.max(c.end(), Math.min(c.start() + MIN_SECONDS, next)), c.words()));
    }
    return held;
  }

  static String srt(List<Cue> cues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cues.size(); i++) {
      Cue c = cues.get(i);
      out.append(i + 1).append('\n').append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ',')).append('\n')
          .append(lines(c.text())).append("\n\n");
    }
    return out.toString();
  }

  /** WebVTT, with {@code note} (one line) as a NOTE block after the header. */
  static String vtt(List<Cue> cues, String note) {
    StringBuilder out = new StringBuilder("WEBVTT\n\nNOTE ").append(note).append("\n\n");
    for (Cue c : cues) {
      String text = lines(c.text()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); // WebVTT cue text is markup
      out.append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n').append(text).append("\n\n");
    }
    return out.toString();
  }

  /** The text on at most two lines, broken at the space nearest the middle when it is longer than one. */
  static String lines(String text) {
    if (text.length() <= LINE_CHARS) {
      return text;
    }
    int middle = text.length() / 2;
    int best = -1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
        best = i;
      }
    }
    return best < 0 ? text : text.substring(0, best) + "\n" + text.substring(best + 1);
  }

  /** {@code hh:mm:ss,mmm} (SubRip) or {@code hh:mm:ss.mmm} (WebVTT). */
  static String time(double seconds, char separator) {
    long ms = Math.round(Math.max(0, seconds) * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
  }
}
