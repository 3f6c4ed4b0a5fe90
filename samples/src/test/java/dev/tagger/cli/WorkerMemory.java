package dev.tagger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Watches this JVM's worker processes while open: the highest resident memory any of them reached. */
final class WorkerMemory implements AutoCloseable {
  private final AtomicLong peakKb = new AtomicLong();
  private final Set<Long> seen = ConcurrentHashMap.newKeySet();
  private final Thread watcher;
  private volatile boolean open = true;

  private WorkerMemory() {
    watcher = new Thread(() -> {
      while (open) {
        ProcessHandle.current().descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("dev.tagger.WorkerMain"))
            .forEach(p -> {
              seen.add(p.pid());
              peakKb.accumulateAndGet(residentKb(p.pid()), Math::max);
            });
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "worker-memory");
    watcher.setDaemon(true);
    watcher.start();
  }

  static WorkerMemory watch() {
    return new WorkerMemory();
  }

  long peakMegabytes() {
    return peakKb.get() / 1024;
  }

  int workersSeen() {
    return seen.size();
  }

  private static long residentKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // it ended
    }
    return 0;
  }

  @Override
  public void close() throws InterruptedException {
    open = false;
    watcher.join(1000);
  }
}
