package dev.tagger.cli;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.ProgressListener;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.cli.watch.WatchStatus;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tagger watch FOLDER...}: tags what arrives in folders, as {@code tag} would (JSON lines, sidecars,
 * subtitles, the result store), until stopped. File-system events and a periodic rescan find files; a file
 * is taken once its size and modification time have not changed for {@code --settle} seconds, so a large
 * copy is taken when it is complete. Finished files are recorded in the state folder ({@link DoneList}), so
 * a restart, even after {@code kill -9}, takes only the rest. {@code SIGTERM} stops it after the items in
 * hand.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Tags files as they arrive in folders, until stopped (SIGTERM or Ctrl-C: after the items in hand).",
        "Exit code: 0 stopped, 2 usage error, 3 cannot start (e.g. a model is missing)."})
final class WatchCommand extends TagCommand {
  @Mixin
  WatchOptions watch = new WatchOptions();

  @Option(names = "--settle", paramLabel = "SECONDS", description = "A file is taken once it has not changed for this long (default: ${DEFAULT-VALUE}).")
  double settleSeconds = 5;

  @Option(names = "--rescan", paramLabel = "SECONDS", description = "Walk the folders again this often, for what events missed (default: ${DEFAULT-VALUE}).")
  double rescanSeconds = 300;

  /** A file seen, not yet taken: what it was, and since when it has been so. */
  private record Pending(DoneList.Seen seen, long sinceNanos) {}

  @Override
  boolean appendsOut() {
    return true;
  }

  @Override
  public Integer call() {
    String usage = usageError();
    for (Path p : paths) {
      if (usage == null && !Files.isDirectory(p)) {
        usage = p + " is not a folder";
      }
    }
    if (usage == null && !(settleSeconds >= 0 && rescanSeconds > 0)) {
      usage = "--settle must be >= 0 and --rescan positive";
    }
    if (usage != null) {
      System.err.println("tagger watch: " + usage);
      return 2;
    }
    paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    WatchOptions.Worker worker;
    try {
      worker = watch.start(Duration.ofSeconds(timeoutSeconds + 30));
    } catch (RuntimeException e) {
      System.err.println("tagger watch: " + e.getMessage());
      return 2;
    }
    System.err.println("tagger watch: watching " + paths + " (" + worker.limits() + "; run windows: " + worker.control().windows() + ")");
    try (Session session = openSession(worker.cores(), ProgressListener.NONE, worker.metricsSink().stream().toList());
        DoneList done = DoneList.open(watch.state.resolve("done.tsv"));
        WatchService events = FileSystems.getDefault().newWatchService()) {
      loop(session, done, events, worker);
      worker.status().state(WatchStatus.State.STOPPED);
      return 0;
    } catch (TaggerException e) {
      System.err.println("tagger watch: " + e.getMessage());
      worker.status().error(e.getMessage());
      return CANNOT_START;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("tagger watch: " + e.getMessage());
      return 2;
    } finally {
      if (worker.metrics() != null) {
        worker.metrics().close();
      }
      worker.control().ended();
    }
  }

  private void loop(Session session, DoneList done, WatchService events, WatchOptions.Worker worker) {
    Map<Path, Pending> pending = new LinkedHashMap<>();
    Set<Path> watched = new HashSet<>();
    long settle = Math.round(settleSeconds * 1e9);
    long rescanEvery = Math.round(rescanSeconds * 1e9);
    long lastScan = Long.MIN_VALUE;
    int chunk = Math.min(parallel, worker.cores());
    while (!worker.control().stopping()) {
      if (lastScan == Long.MIN_VALUE || System.nanoTime() - lastScan >= rescanEvery) {
        for (Path folder : paths) {
          register(folder, events, watched);
        }
        observe(MediaWalker.walk(paths).items(), pending, done);
        lastScan = System.nanoTime();
      }
      List<Media> ready = new ArrayList<>();
      long now = System.nanoTime();
      pending.forEach((path, p) -> {
        if (now - p.sinceNanos() >= settle) {
          ready.add(Media.of(path));
        }
      });
      worker.status().queue(pending.size());
      for (int i = 0; i < ready.size() && !worker.control().stopping(); i += chunk) {
        if (!worker.control().awaitTurn(worker.status())) {
          break;
        }
        worker.status().state(WatchStatus.State.WORKING);
        List<Media> batch = new ArrayList<>();
        for (Media m : ready.subList(i, Math.min(ready.size(), i + chunk))) {
          Pending p = pending.get(m.path());
          DoneList.Seen seen = seen(m.path());
          if (p != null && p.seen().equals(seen)) {
            batch.add(m); // unchanged since it settled: take it
          } else if (seen != null) {
            pending.put(m.path(), new Pending(seen, System.nanoTime())); // it changed again: wait for it to settle
          } else {
            pending.remove(m.path()); // gone
          }
        }
        BatchSummary summary = session.tagger().tagAll(batch);
        for (TagResult r : summary.results()) {
          Path path = Path.of(r.path());
          Pending p = pending.remove(path);
          if (p != null) {
            done.add(path.toString(), p.seen(), r.succeeded());
          }
          worker.status().finished(r.path(), r.millis(), r.error() == null ? null : r.error().stage() + ": " + r.error().message());
        }
      }
      if (pending.isEmpty()) {
        worker.status().state(worker.control().paused() ? WatchStatus.State.PAUSED : WatchStatus.State.IDLE);
      }
      waitForEvents(events, pending, done, watched, pending.isEmpty() ? Duration.ofSeconds(1) : Duration.ofMillis(200), worker);
    }
    worker.status().state(WatchStatus.State.STOPPING);
  }

  /** Waits a little for file-system events and notes the files they name. */
  private void waitForEvents(WatchService events, Map<Path, Pending> pending, DoneList done, Set<Path> watched, Duration wait,
      WatchOptions.Worker worker) {
    try {
      WatchKey key = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      for (; key != null; key = events.poll()) {
        Path dir = (Path) key.watchable();
        List<Path> touched = new ArrayList<>();
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
            touched.addAll(paths); // too many at once: look at everything
          } else {
            Path p = dir.resolve((Path) e.context());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
              register(p, events, watched);
            }
            String name = p.getFileName().toString();
            if (!name.startsWith(".") && !MediaWalker.isSidecar(name)) {
              touched.add(p); // not a hidden file (a copy in progress, our own temporary files) nor a sidecar
            }
          }
        }
        key.reset();
        List<Path> present = touched.stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).distinct().toList();
        if (!present.isEmpty()) {
          observe(MediaWalker.walk(present).items(), pending, done);
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
  private static void observe(List<Media> items, Map<Path, Pending> pending, DoneList done) {
    for (Media m : items) {
      DoneList.Seen seen = seen(m.path());
      if (seen == null || done.isDone(m.path().toString(), seen)) {
        continue;
      }
      Pending before = pending.get(m.path());
      if (before == null || !before.seen().equals(seen)) {
        pending.put(m.path(), new Pending(seen, System.nanoTime()));
      }
    }
  }

  private static DoneList.Seen seen(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isRegularFile() ? new DoneList.Seen(a.size(), a.lastModifiedTime().toMillis()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Watches a folder and every folder under it (hidden ones aside, as the walk skips them). */
  private static void register(Path folder, WatchService events, Set<Path> watched) {
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!dir.equals(folder) && dir.getFileName().toString().startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (watched.add(dir)) {
            dir.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
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
}
