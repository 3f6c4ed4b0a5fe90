package dev.tagger.cli;

import dev.tagger.Progress;
import dev.tagger.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal's stderr: done of total, failures, cached items, rate and the time left. */
final class ProgressBar implements ProgressListener {
  private final PrintStream err;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void onProgress(Progress p) {
    int width = 30;
    int filled = (int) Math.round(p.fraction() * width);
    err.printf(Locale.ROOT, "\r[%s%s] %d/%d  failed %d  cached %d  %.1f items/s  %s ",
        "#".repeat(filled), " ".repeat(width - filled), p.done(), p.total(), p.failed(), p.cached(), p.itemsPerSecond(),
        p.done() == p.total() ? "done in " + clock(p.elapsed()) : p.timeLeft().map(t -> clock(t) + " left").orElse(""));
    if (p.done() == p.total()) {
      err.println();
    }
    err.flush();
  }

  /** 42s, 3m05s, 2h07m. */
  static String clock(java.time.Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
  }
}
