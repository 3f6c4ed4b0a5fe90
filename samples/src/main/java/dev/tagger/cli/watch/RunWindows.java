package dev.tagger.cli.watch;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times of day a worker may analyze, such as {@code 22:00-07:00} (a window may run past midnight);
 * none means always. A window whose start equals its end is the whole day.
 */
public record RunWindows(List<Window> windows) {
  private static final Pattern SPEC = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
  public static final RunWindows ALWAYS = new RunWindows(List.of());

  /** From {@code from} (inclusive) to {@code to} (exclusive), local time. */
  public record Window(LocalTime from, LocalTime to) {
    boolean contains(LocalTime t) {
      if (from.equals(to)) {
        return true;
      }
      return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    @Override
    public String toString() {
      return from + "-" + to;
    }
  }

  public RunWindows {
    windows = List.copyOf(windows);
  }

  /** Parses {@code HH:MM-HH:MM} specs; a malformed one is an {@link IllegalArgumentException} naming it. */
  public static RunWindows parse(List<String> specs) {
    List<Window> out = new ArrayList<>();
    for (String spec : specs) {
      Matcher m = SPEC.matcher(spec.strip());
      try {
        if (!m.matches()) {
          throw new DateTimeParseException("", spec, 0);
        }
        out.add(new Window(LocalTime.parse(pad(m.group(1))), LocalTime.parse(pad(m.group(2)))));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("run window '" + spec + "' is not HH:MM-HH:MM (e.g. 22:00-07:00)", e);
      }
    }
    return new RunWindows(out);
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  public boolean isOpen(LocalTime t) {
    return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(t));
  }

  /** How long until a window opens; zero when one is open. */
  public Duration untilOpen(LocalTime t) {
    if (isOpen(t)) {
      return Duration.ZERO;
    }
    Duration best = Duration.ofDays(1);
    for (Window w : windows) {
      Duration d = Duration.between(t, w.from());
      if (d.isNegative()) {
        d = d.plusDays(1);
      }
      best = d.compareTo(best) < 0 ? d : best;
    }
    return best;
  }

  @Override
  public String toString() {
    return windows.isEmpty() ? "always" : String.join(", ", windows.stream().map(Window::toString).toList());
  }
}
