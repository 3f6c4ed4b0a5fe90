package dev.tagger.sink;

import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.spi.TagSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one JSON object per item and line (see {@link TagResultJson}). Thread-safe; each line is
 * written whole and flushed, so a reader (or a killed run) never sees half a line.
 */
public final class JsonLinesSink implements TagSink {
  private final Writer out;
  private final boolean closeOut;

  private JsonLinesSink(Writer out, boolean closeOut) {
    this.out = out;
    this.closeOut = closeOut;
  }

  /** Writes to a stream the caller owns (e.g. {@code System.out}); {@link #close()} only flushes it. */
  public static JsonLinesSink to(OutputStream stream) {
    return new JsonLinesSink(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), false);
  }

  /** Creates or truncates the file; the sink owns it and closes it. */
  public static JsonLinesSink toFile(Path file) {
    return toFile(file, false);
  }

  /** Creates the file or adds to its end (a long-running worker's output); the sink owns it and closes it. */
  public static JsonLinesSink appendingTo(Path file) {
    return toFile(file, true);
  }

  private static JsonLinesSink toFile(Path file, boolean append) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!append) {
        return new JsonLinesSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
      }
      boolean torn = false;
      if (Files.isRegularFile(file) && Files.size(file) > 0) {
        try (java.nio.channels.SeekableByteChannel c = Files.newByteChannel(file)) {
          java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
          c.position(c.size() - 1).read(last);
          torn = last.get(0) != '\n';
        }
      }
      java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      if (torn) {
        w.write('\n'); // end a line a kill cut short, so the next one is whole
        w.flush();
      }
      return new JsonLinesSink(w, true);
    } catch (IOException e) {
      throw new TaggerException("cannot write JSON Lines to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void accept(TagResult result) {
    try {
      out.write(TagResultJson.toJsonLine(result));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write result of " + result.path(), e);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (closeOut) {
        out.close();
      } else {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
