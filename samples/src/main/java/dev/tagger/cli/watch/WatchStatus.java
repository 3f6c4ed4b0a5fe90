package dev.tagger.cli.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * A worker's status file, rewritten whole (a rename) whenever something changes, so a reader never sees
 * half of one: {@code state} (starting, working, idle, paused, waiting for a run window, stopping,
 * stopped), {@code queue} (items found and not yet done), {@code done}, {@code failed}, {@code rate}
 * (items a minute over the last ten minutes), {@code last_item}, {@code last_error}, the run windows and
 * when the next one opens. Thread-safe.
 */
public final class WatchStatus implements AutoCloseable {
  /** What the worker is doing. */
  public enum State {
    STARTING, WORKING, IDLE, PAUSED, WAITING_FOR_WINDOW, STOPPING, STOPPED;

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RATE_SPAN = Duration.ofMinutes(10);

  private final @Nullable Path file;
  private java.nio.channels.@Nullable FileChannel lock;
  private final Clock clock;
  private final String windows;
  private final Deque<Instant> finished = new ArrayDeque<>();
  private State state = State.STARTING;
  private int queue;
  private long done;
  private long failed;
  private @Nullable ObjectNode lastItem;
  private @Nullable ObjectNode lastError;
  private @Nullable Instant nextWindow;

  /** A status kept at {@code file} (none: kept in memory only). */
  public WatchStatus(@Nullable Path file, RunWindows windows, Clock clock) {
    this.file = file;
    this.clock = clock;
    this.windows = windows.toString();
    write();
  }

  /**
   * A status kept at {@code file}, which no other worker may use meanwhile: a lock beside it
   * ({@code .NAME.lock}) is held until {@link #close()} (the system frees it when the process dies).
   */
  public static WatchStatus open(Path file, RunWindows windows, Clock clock) {
    Path lockFile = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".lock");
    java.nio.channels.FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.getParent());
      channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        throw new IllegalStateException("another worker is using " + file + " (one state folder a worker: give this one --state DIR)");
      }
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new IllegalStateException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
    WatchStatus status = new WatchStatus(file, windows, clock);
    status.lock = channel;
    return status;
  }

  private static void closeQuietly(java.nio.channels.@Nullable FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // nothing held
    }
  }

  /** Frees the status file for another worker. */
  @Override
  public synchronized void close() {
    closeQuietly(lock);
    lock = null;
  }

  /** Shows the queue, the items done and failed, and the state (one gauge per state, 1 for the current one) as meters. */
  public void bind(io.micrometer.core.instrument.MeterRegistry registry) {
    io.micrometer.core.instrument.Gauge.builder("tagger.watch.queue", this, s -> s.toJson().path("queue").asDouble())
        .description("Items found and not yet done").register(registry);
    for (State s : State.values()) {
      io.micrometer.core.instrument.Gauge.builder("tagger.watch.state", this, w -> w.state() == s ? 1 : 0).tag("state", s.json())
          .description("1 for what the worker is doing").register(registry);
    }
  }

  public synchronized State state() {
    return state;
  }

  public synchronized long done() {
    return done;
  }

  public synchronized void state(State value) {
    if (value != state) {
      state = value;
      nextWindow = null;
      write();
    }
  }

  /** Waiting for a run window that opens at {@code opens}. */
  public synchronized void waitingForWindow(Instant opens) {
    if (state == State.WAITING_FOR_WINDOW && opens.equals(nextWindow)) {
      return;
    }
    state = State.WAITING_FOR_WINDOW;
    nextWindow = opens;
    write();
  }

  public synchronized void queue(int length) {
    if (length != queue) {
      queue = length;
      write();
    }
  }

  /** One item ended; {@code error} null when it was tagged. */
  public synchronized void finished(String item, long millis, @Nullable String error) {
    Instant now = clock.instant();
    queue = Math.max(0, queue - 1);
    finished.addLast(now);
    while (!finished.isEmpty() && finished.peekFirst().isBefore(now.minus(RATE_SPAN))) {
      finished.removeFirst();
    }
    lastItem = JSON.createObjectNode().put("item", item).put("at", now.toString()).put("millis", millis).put("ok", error == null);
    if (error == null) {
      done++;
    } else {
      failed++;
      lastError = JSON.createObjectNode().put("item", item).put("at", now.toString()).put("error", error);
    }
    write();
  }

  /** A failure of the worker itself (Stash unreachable, a folder gone), not of one item. */
  public synchronized void error(String what) {
    lastError = JSON.createObjectNode().put("item", (String) null).put("at", clock.instant().toString()).put("error", what);
    write();
  }

  /** The status as the file holds it. */
  public synchronized ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("state", state.json());
    n.put("queue", queue);
    n.put("done", done);
    n.put("failed", failed);
    Instant now = clock.instant();
    long recent = finished.stream().filter(t -> !t.isBefore(now.minus(RATE_SPAN))).count();
    n.put("rate_per_minute", Math.round(recent / (double) RATE_SPAN.toMinutes() * 100) / 100.0);
    n.set("last_item", lastItem);
    n.set("last_error", lastError);
    n.put("run_windows", windows);
    n.put("next_window", nextWindow == null ? null : nextWindow.toString());
    n.put("pid", ProcessHandle.current().pid());
    n.put("updated", now.toString());
    return n;
  }

  private void write() {
    if (file == null) {
      return;
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
      Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson()));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the status file " + file + ": " + e.getMessage(), e);
    }
  }
}
