package dev.tagger.cli.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * When a long-running worker may take its next item: not while it is paused (the pause file exists, or
 * {@code SIGUSR1} paused it; the next {@code SIGUSR1} resumes), not outside its run windows, and never
 * again once it is stopping ({@code SIGTERM}, Ctrl-C). The worker asks between items, so the item in hand
 * always finishes. Thread-safe.
 */
public final class WatchControl {
  private static final long TICK_MILLIS = 500;

  private final RunWindows windows;
  private final @Nullable Path pauseFile;
  private final Clock clock;
  private final Object lock = new Object();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean pausedBySignal;

  public WatchControl(RunWindows windows, @Nullable Path pauseFile, Clock clock) {
    this.windows = windows;
    this.pauseFile = pauseFile;
    this.clock = clock;
  }

  public RunWindows windows() {
    return windows;
  }

  /**
   * Makes {@code SIGTERM} and Ctrl-C stop the worker after the items in hand (the JVM waits up to
   * {@code grace} for {@link #ended}), and {@code SIGUSR1} toggle the pause.
   */
  public void installSignals(Duration grace) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop();
      try {
        ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tagger-stop"));
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("USR1"), s -> togglePause());
    } catch (IllegalArgumentException e) {
      System.err.println("tagger: SIGUSR1 cannot pause here (" + e.getMessage() + "); the pause file still does");
    }
  }

  public void stop() {
    stopping = true;
    wake();
  }

  public boolean stopping() {
    return stopping;
  }

  /** The worker has finished its last item and closed what it opened: a stop may let the JVM end. */
  public void ended() {
    ended.countDown();
  }

  public void togglePause() {
    pausedBySignal = !pausedBySignal;
    wake();
  }

  public boolean paused() {
    return pausedBySignal || pauseFile != null && Files.exists(pauseFile);
  }

  /**
   * Waits while paused or outside the run windows, telling {@code status}; true when the worker may take
   * an item now, false when it is stopping.
   */
  public boolean awaitTurn(WatchStatus status) {
    while (!stopping) {
      if (paused()) {
        status.state(WatchStatus.State.PAUSED);
      } else {
        Duration wait = windows.untilOpen(LocalTime.now(clock));
        if (wait.isZero()) {
          return true;
        }
        status.waitingForWindow(clock.instant().plus(wait).plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)); // windows open on the minute
      }
      pause(Duration.ofMillis(TICK_MILLIS));
    }
    return false;
  }

  /** Sleeps {@code time}, or less when the worker is stopping; true when it is not stopping. */
  public boolean sleep(Duration time) {
    long end = System.nanoTime() + time.toNanos();
    for (long left; !stopping && (left = end - System.nanoTime()) > 0; ) {
      pause(Duration.ofNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS))));
    }
    return !stopping;
  }

  private void pause(Duration time) {
    synchronized (lock) {
      try {
        lock.wait(Math.max(1, time.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
    }
  }

  private void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }
}
