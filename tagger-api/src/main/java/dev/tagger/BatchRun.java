package dev.tagger;

import dev.tagger.internal.ItemPipeline;
import dev.tagger.spi.TagSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch: {@code parallelism} workers take items in order; each item runs on its own task so that a
 * worker can give up on it at the timeout (the item is interrupted and reported as timed out) and go on.
 */
final class BatchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);
  private static final AtomicInteger BATCHES = new AtomicInteger();

  private final ItemPipeline pipeline;
  private final List<TagSink> sinks;
  private final int parallelism;
  private final Duration itemTimeout;
  private final ProgressListener listener;
  private final Admission admission;
  private final AtomicBoolean refused = new AtomicBoolean();
  private final List<Media> items;
  private final Batch batch;
  private final TagResult[] results;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger cached = new AtomicInteger();
  private final AtomicBoolean listenerWarned = new AtomicBoolean();
  private final List<AtomicBoolean> sinkWarned;
  private final long startNanos = System.nanoTime();

  BatchRun(ItemPipeline pipeline, List<TagSink> sinks, int parallelism, Duration itemTimeout,
      ProgressListener listener, Admission admission, List<Media> items, Batch batch) {
    this.admission = admission;
    this.pipeline = pipeline;
    this.sinks = sinks;
    this.parallelism = Math.min(parallelism, Math.max(1, items.size()));
    this.itemTimeout = itemTimeout;
    this.listener = listener;
    this.items = items;
    this.batch = batch;
    this.results = new TagResult[items.size()];
    this.sinkWarned = sinks.stream().map(s -> new AtomicBoolean()).toList();
  }

  void start() {
    int id = BATCHES.incrementAndGet();
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("tagger-" + id + "-"));
    AtomicInteger workersLeft = new AtomicInteger(parallelism);
    for (int w = 0; w < parallelism; w++) {
      executor.execute(() -> {
        try {
          work(executor);
        } finally {
          if (workersLeft.decrementAndGet() == 0) {
            finish(executor);
          }
        }
      });
    }
  }

  private void work(ExecutorService executor) {
    for (int i; !batch.isCancelled() && !refused.get() && (i = next.getAndIncrement()) < items.size(); ) {
      Media media = items.get(i);
      if (!admitted(media)) {
        refused.set(true); // this item and the rest are not started
        return;
      }
      TagResult result = runWithTimeout(executor, media);
      results[i] = result;
      deliver(result);
    }
  }

  private TagResult runWithTimeout(ExecutorService executor, Media media) {
    AtomicBoolean itemCancelled = new AtomicBoolean();
    long start = System.nanoTime();
    Future<TagResult> future = executor.submit(() -> pipeline.run(media, () -> itemCancelled.get() || batch.isCancelled()));
    try {
      return future.get(itemTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      itemCancelled.set(true);
      future.cancel(true);
      return failure(media, "timeout", media.id() + ": took longer than the item timeout of " + itemTimeout.toSeconds() + " s; it was abandoned", start);
    } catch (ExecutionException e) {
      return failure(media, "analyze", media.id() + ": unexpected failure: " + e.getCause(), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      itemCancelled.set(true);
      future.cancel(true);
      return failure(media, "cancelled", media.id() + ": interrupted", start);
    }
  }

  private static TagResult failure(Media media, String stage, String message, long start) {
    return TagResult.failed(media.id(), MediaKind.UNKNOWN, null, new ItemError(stage, message), (System.nanoTime() - start) / 1_000_000);
  }

  private void deliver(TagResult result) {
    for (int s = 0; s < sinks.size(); s++) {
      try {
        sinks.get(s).accept(result);
      } catch (RuntimeException e) {
        warnOnce(sinkWarned.get(s), "sink " + sinks.get(s) + " failed on " + result.path(), e);
      }
    }
    int d = done.incrementAndGet();
    int f = result.succeeded() ? failed.get() : failed.incrementAndGet();
    int c = result.fromCache() ? cached.incrementAndGet() : cached.get();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    double rate = d / Math.max(1e-9, elapsed.toNanos() / 1e9);
    try {
      listener.onProgress(new Progress(d, f, c, items.size(), elapsed, rate, result));
    } catch (RuntimeException e) {
      warnOnce(listenerWarned, "progress listener failed", e);
    }
  }

  private boolean admitted(Media media) {
    if (refused.get()) {
      return false;
    }
    try {
      return admission.admit(media) && !refused.get();
    } catch (RuntimeException e) {
      LOG.warn("the batch's admission failed before {}; no more items are started: {}", media.id(), e.toString());
      return false;
    }
  }

  private void finish(ExecutorService executor) {
    executor.shutdown();
    for (int s = 0; s < sinks.size(); s++) {
      try {
        sinks.get(s).flush();
      } catch (RuntimeException e) {
        warnOnce(sinkWarned.get(s), "sink " + sinks.get(s) + " failed to flush", e);
      }
    }
    List<TagResult> finished = new ArrayList<>(Arrays.asList(results));
    finished.removeIf(r -> r == null);
    int ok = (int) finished.stream().filter(TagResult::succeeded).count();
    int fromCache = (int) finished.stream().filter(TagResult::fromCache).count();
    int analyzed = (int) finished.stream().filter(r -> !r.fromCache() && r.sha256() != null
        && (r.succeeded() || !r.error().stage().equals("read"))).count();
    BatchSummary summary = new BatchSummary(items.size(), ok, finished.size() - ok, analyzed, fromCache,
        items.size() - finished.size(), Duration.ofNanos(System.nanoTime() - startNanos), finished);
    batch.finish(() -> summary);
  }

  private static void warnOnce(AtomicBoolean warned, String what, RuntimeException e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn("{}: {} (further failures of it are logged at DEBUG)", what, e.toString());
    } else {
      LOG.debug("{}", what, e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
