package dev.tagger.cli;

import dev.tagger.Progress;
import dev.tagger.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal's stderr. */
final class ProgressBar implements ProgressListener {
  private final PrintStream err;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void onProgress(Progress p) {
    int width = 30;
    int filled = (int) Math.round(p.fraction() * width);
    err.printf(Locale.ROOT, "\r[%s%s] %d/%d  failed %d  cached %d  %.1f items/s ",
        "#".repeat(filled), " ".repeat(width - filled), p.done(), p.total(), p.failed(), p.cached(), p.itemsPerSecond());
    if (p.done() == p.total()) {
      err.println();
    }
    err.flush();
  }
}
