package dev.tagger.cli;

import picocli.CommandLine.Option;

/** The batch commands' options for where analysis runs (a picocli mixin shared by {@code tag} and {@code stash}). */
final class WorkerOptions {
  @Option(names = "--workers", paramLabel = "N",
      description = "Worker processes that analyze, so a native crash, an out-of-memory or a hang fails one item and not the run; 0 analyzes in this JVM (default: as many as --parallel, fewer when memory is short).")
  Integer workers;

  @Option(names = "--worker-heap", paramLabel = "MB", description = "Each worker's Java heap (default: ${DEFAULT-VALUE}).")
  int heapMegabytes = Engine.Isolation.HEAP_MB;

  @Option(names = "--worker-memory", paramLabel = "MB",
      description = "Resident memory a worker may reach; past it its item fails with out of memory and the worker is replaced (default: ${DEFAULT-VALUE}).")
  int residentMegabytes = Engine.Isolation.RESIDENT_MB;

  Engine.Isolation isolation(int parallel) {
    if (workers != null && workers < 0 || heapMegabytes < 16 || residentMegabytes < 0) {
      throw new IllegalArgumentException("--workers must be >= 0, --worker-heap >= 16 and --worker-memory >= 0");
    }
    int n = workers != null ? workers : Engine.Isolation.defaultWorkers(parallel, residentMegabytes);
    return new Engine.Isolation(n, heapMegabytes, residentMegabytes);
  }
}
