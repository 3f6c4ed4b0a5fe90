package dev.tagger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A running batch started by {@link Tagger#start}: wait for it, or cancel it. Items already running
 * finish or are interrupted; items not yet started are skipped. Thread-safe.
 */
public final class Batch {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Supplier<BatchSummary> summary;

  Batch() {}

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Waits for the batch to end and returns its summary. */
  public BatchSummary await() {
    try {
      finished.await();
    } catch (InterruptedException e) {
      cancel();
      Thread.currentThread().interrupt();
      throw new TaggerException("interrupted while waiting for the batch; it was cancelled", e);
    }
    return summary.get();
  }

  /** Waits at most {@code timeout}; true when the batch has ended. */
  public boolean await(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  void finish(Supplier<BatchSummary> result) {
    this.summary = result;
    finished.countDown();
  }
}
