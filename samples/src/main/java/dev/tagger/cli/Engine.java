package dev.tagger.cli;

import dev.tagger.Tagger;
import dev.tagger.WorkerPool;
import java.lang.management.ManagementFactory;
import org.jspecify.annotations.Nullable;

/**
 * The analysis side of a run, opened once and closed at its end: the analyzers in this JVM, or (the
 * default for the batch commands and the plugin) a pool of supervised worker processes that open them, so
 * that a native crash, an out-of-memory or a hang fails one item instead of the run.
 */
final class Engine implements AutoCloseable {
  private final AnalysisSpec spec;
  private final @Nullable AnalyzerChoice local;
  private final @Nullable WorkerPool pool;

  /**
   * Where the analysis runs.
   *
   * @param workers worker processes, 0 to analyze in this JVM
   * @param heapMegabytes each worker's Java heap
   * @param maxResidentMegabytes the resident memory a worker may reach before its item fails and it is replaced
   */
  record Isolation(int workers, int heapMegabytes, int maxResidentMegabytes) {
    static final int HEAP_MB = 1024;
    static final int RESIDENT_MB = 3072;
    static final Isolation IN_PROCESS = new Isolation(0, HEAP_MB, RESIDENT_MB);

    /** As many workers as items run at once, but no more than half the machine's memory holds at the limit. */
    static int defaultWorkers(int parallel, int maxResidentMegabytes) {
      long totalMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 20;
      return (int) Math.max(1, Math.min(parallel, totalMb / 2 / Math.max(1, maxResidentMegabytes)));
    }
  }

  private Engine(AnalysisSpec spec, @Nullable AnalyzerChoice local, @Nullable WorkerPool pool) {
    this.spec = spec;
    this.local = local;
    this.pool = pool;
  }

  /** Opens the analyzers here, or starts the workers and waits until each has opened them. */
  static Engine open(AnalysisSpec spec, Isolation isolation) {
    if (isolation.workers() == 0) {
      return new Engine(spec, spec.open(), null);
    }
    WorkerPool pool = WorkerPool.builder(CliWorkerSetup.class).configuration(spec.sharedBy(isolation.workers()).toJson()).workers(isolation.workers())
        .heapMegabytes(isolation.heapMegabytes()).maxResidentMegabytes(isolation.maxResidentMegabytes()).start();
    return new Engine(spec, null, pool);
  }

  /** A fresh engine builder whose analysis is this one's; add the policy, rules, store and sinks. */
  Tagger.Builder builder() {
    Tagger.Builder b = Tagger.builder();
    return pool != null ? b.workers(pool) : spec.configure(b, local);
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
    if (pool != null) {
      pool.close();
    }
  }
}
