package dev.tagger.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The plugin's stderr as Stash reads it: every line in Stash's format ({@code \x01} level {@code \x02} text). A line
 * already in it passes as it is; any other (a library's log line, a worker process's) gets the level its words name
 * ({@code WARN} is {@code w}, {@code ERROR} {@code e}, {@code DEBUG} {@code d}, else {@code i}). Thread-safe.
 */
final class StashLogStream extends OutputStream {
  private final PrintStream raw;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private StashLogStream(PrintStream raw) {
    this.raw = raw;
  }

  /** A print stream that writes to {@code raw} in Stash's format. */
  static PrintStream over(PrintStream raw) {
    return new PrintStream(new StashLogStream(raw), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public synchronized void flush() {
    raw.flush();
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8).replace("\r", "");
    line.reset();
    if (text.startsWith("\u0001")) {
      raw.print(text + "\n");
    } else if (!text.isBlank()) {
      raw.print("\u0001" + level(text) + "\u0002" + text + "\n");
    }
    raw.flush();
  }

  static char level(String text) {
    String head = text.length() > 40 ? text.substring(0, 40) : text;
    if (head.contains("ERROR")) {
      return 'e';
    }
    if (head.contains("WARN")) {
      return 'w';
    }
    if (head.contains("DEBUG")) {
      return 'd';
    }
    return head.contains("TRACE") ? 't' : 'i';
  }
}
