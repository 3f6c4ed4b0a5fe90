package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.cli.watch.WatchStatus;
import dev.tagger.spi.TagSink;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The folder watcher's loop: file-system events and a rescan every poll find files; a file is taken once
 * its size and modification time have not changed for the settle time, so a large copy is taken when it
 * is complete; each file ended is recorded in the {@link DoneList} as its result is delivered. A failure
 * that may pass (a worker crash, a time-out, a cancel, memory) is not recorded, and the file is tried again,
 * up to {@link #TRIES} times; nothing is recorded while the watcher is stopping. Files the watcher writes
 * itself (its output, report, state, cache) are never taken.
 */
final class FolderWatch {
  static final int TRIES = 3;
  private static final Set<String> PASSING = Set.of("crash", "timeout", "cancelled", "memory");

  /** A file seen, not yet taken: what it was, and since when it has been so. */
  private record Pending(DoneList.Seen seen, long sinceNanos) {}

  private final List<Path> folders;
  private final List<Path> own;
  private final DoneList done;
  private final WatchOptions.Worker worker;
  private final long settleNanos;
  private final Map<Path, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Path> inHand = new ConcurrentHashMap<>();
  private final Map<Path, Integer> tries = new ConcurrentHashMap<>();
  private final Set<Path> watched = new HashSet<>();
  private boolean warnedRegistration;

  FolderWatch(List<Path> folders, List<Path> own, DoneList done, WatchOptions.Worker worker, long settleNanos) {
    this.folders = folders;
    this.own = own;
    this.done = done;
    this.worker = worker;
    this.settleNanos = settleNanos;
  }

  /** The sink that records each file's end (add it after the output sinks). */
  TagSink doneSink() {
    return new TagSink() {
      @Override
      public void accept(TagResult r) {
        Path path = inHand.remove(r.path());
        Pending p = path == null ? null : pending.remove(path);
        worker.status().finished(r.path(), r.millis(), r.error() == null ? null : r.error().stage() + ": " + r.error().message());
        if (p == null || worker.control().stopping() && r.error() != null) {
          return; // a failure while stopping is tried again by the next run
        }
        if (r.error() != null && PASSING.contains(r.error().stage()) && tries.merge(path, 1, Integer::sum) < TRIES) {
          pending.put(path, new Pending(p.seen(), System.nanoTime())); // tried again once it has settled again
          return;
        }
        tries.remove(path);
        done.add(path.toString(), p.seen(), r.succeeded());
      }

      @Override
      public String toString() {
        return "the watcher's done list";
      }
    };
  }

  void run(Tagger tagger, WatchService events, int chunk) {
    long lastScan = Long.MIN_VALUE;
    while (!worker.control().stopping()) {
      if (lastScan == Long.MIN_VALUE || System.nanoTime() - lastScan >= worker.poll().toNanos()) {
        folders.forEach(f -> register(f, events));
        observe(MediaWalker.walk(folders).items());
        lastScan = System.nanoTime();
      }
      List<Path> ready = new ArrayList<>();
      long now = System.nanoTime();
      pending.forEach((path, p) -> {
        if (now - p.sinceNanos() >= settleNanos && !inHand.containsValue(path)) {
          ready.add(path);
        }
      });
      ready.sort(null);
      worker.status().queue(pending.size());
      for (int i = 0; i < ready.size() && !worker.control().stopping(); i += chunk) {
        if (!worker.control().awaitTurn(worker.status())) {
          break;
        }
        worker.status().state(WatchStatus.State.WORKING);
        List<Media> batch = new ArrayList<>();
        for (Path path : ready.subList(i, Math.min(ready.size(), i + chunk))) {
          Pending p = pending.get(path);
          DoneList.Seen seen = seen(path);
          if (p != null && p.seen().equals(seen)) {
            Media m = Media.of(path); // unchanged since it settled: take it
            inHand.put(m.id(), path);
            batch.add(m);
          } else if (seen != null) {
            pending.put(path, new Pending(seen, System.nanoTime())); // it changed again: wait for it to settle
          } else {
            pending.remove(path); // gone
          }
        }
        tagger.tagAll(batch);
      }
      if (pending.isEmpty()) {
        worker.status().state(worker.control().paused() ? WatchStatus.State.PAUSED : WatchStatus.State.IDLE);
      }
      waitForEvents(events, pending.isEmpty() ? 1000 : 200);
    }
    worker.status().state(WatchStatus.State.STOPPING);
  }

  /** Waits a little for file-system events and notes the files they name. */
  private void waitForEvents(WatchService events, long millis) {
    try {
      WatchKey key = events.poll(millis, TimeUnit.MILLISECONDS);
      for (; key != null; key = events.poll()) {
        Path dir = (Path) key.watchable();
        List<Path> touched = new ArrayList<>();
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
            touched.addAll(folders); // too many at once: look at everything
            continue;
          }
          Path p = dir.resolve((Path) e.context());
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            register(p, events);
          }
          String name = p.getFileName().toString();
          if (!name.startsWith(".") && !MediaWalker.isSidecar(name)) {
            touched.add(p); // not a hidden file (a copy in progress, our own temporary files) nor a sidecar
          }
        }
        if (!key.reset()) {
          watched.remove(dir); // the folder is gone; if it comes back, its creation registers it again
        }
        List<Path> present = touched.stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).distinct().toList();
        if (!present.isEmpty()) {
          observe(MediaWalker.walk(present).items());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.control().stop();
    } catch (ClosedWatchServiceException e) {
      worker.control().stop();
    }
  }

  /** Notes each file not finished as it is now; one that changed since it was last seen starts settling again. */
  private void observe(List<Media> items) {
    for (Media m : items) {
      Path path = m.path().toAbsolutePath().normalize();
      if (own.stream().anyMatch(path::startsWith)) {
        continue;
      }
      DoneList.Seen seen = seen(path);
      if (seen == null || done.isDone(path.toString(), seen)) {
        continue;
      }
      Pending before = pending.get(path);
      if (before == null || !before.seen().equals(seen)) {
        pending.put(path, new Pending(seen, System.nanoTime()));
      }
    }
  }

  private static DoneList.@Nullable Seen seen(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isRegularFile() ? new DoneList.Seen(a.size(), a.lastModifiedTime().toMillis()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Watches a folder and every folder under it (hidden ones aside, as the walk skips them). */
  private void register(Path folder, WatchService events) {
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!dir.equals(folder) && dir.getFileName().toString().startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (watched.add(dir)) {
            try {
              dir.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            } catch (IOException e) {
              watched.remove(dir);
              warnRegistration(dir, e);
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // seen again by the next rescan
        }
      });
    } catch (IOException | RuntimeException e) {
      // a folder that vanished or cannot be read is seen again by the next rescan
    }
  }

  private void warnRegistration(Path dir, IOException e) {
    if (!warnedRegistration) {
      warnedRegistration = true;
      System.err.println("tagger watch: cannot watch " + dir + " for changes (" + e.getMessage() + "; on Linux, raise "
          + "fs.inotify.max_user_watches); such folders are seen by the rescan every " + worker.poll().toSeconds() + " s");
    }
  }
}
