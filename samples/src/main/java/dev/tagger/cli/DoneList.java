package dev.tagger.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a folder watcher has finished, by path, with the size and modification time they had: a line
 * appended (and flushed) as each one ends, so a watcher killed at any moment and started again takes only
 * what it had not finished, and a file that changed since is taken again. Files that failed are listed
 * too, so a broken file is not retried until it changes. A torn last line is ignored. Thread-safe.
 */
final class DoneList implements AutoCloseable {
  /** What a file was when it was finished. */
  record Seen(long size, long modifiedMillis) {}

  private final Map<String, Seen> done = new HashMap<>();
  private final BufferedWriter out;

  private DoneList(BufferedWriter out) {
    this.out = out;
  }

  static DoneList open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      DoneList list = new DoneList(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
      if (Files.exists(file)) {
        // lenient: a character a kill cut in half spoils its own line only
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        for (String line : lines) {
          String[] f = line.split("\t", 4);
          if (f.length == 4 && !f[3].isEmpty()) {
            try {
              list.done.put(f[3], new Seen(Long.parseLong(f[0]), Long.parseLong(f[1])));
            } catch (NumberFormatException torn) {
              // a line cut short by a kill: that file is taken again
            }
          }
        }
      }
      if (Files.size(file) > 0 && !Files.readString(file, StandardCharsets.ISO_8859_1).endsWith("\n")) {
        list.out.write("\n"); // end a line torn by a kill, so the next one starts clean
        list.out.flush();
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the watcher's list of finished files " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized boolean isDone(String path, Seen now) {
    return now.equals(done.get(path));
  }

  synchronized void add(String path, Seen seen, boolean ok) {
    done.put(path, seen);
    try {
      out.write(seen.size() + "\t" + seen.modifiedMillis() + "\t" + (ok ? "ok" : "failed") + "\t" + path + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record " + path + " as finished: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
