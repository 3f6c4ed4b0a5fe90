package dev.tagger.cli;

import dev.tagger.ProgressListener;
import dev.tagger.TaggerException;
import dev.tagger.cli.watch.WatchStatus;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tagger watch FOLDER...}: tags what arrives in folders, as {@code tag} would (JSON lines, sidecars,
 * subtitles, the result store), until stopped ({@link FolderWatch}). {@code SIGTERM} stops it after the
 * items in hand.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Tags files as they arrive in folders, until stopped (SIGTERM or Ctrl-C: after the items in hand).",
        "Exit code: 0 stopped, 2 usage error, 3 cannot start (e.g. a model is missing)."})
final class WatchCommand extends TagCommand {
  @Mixin
  WatchOptions watch = new WatchOptions();

  @Option(names = "--settle", paramLabel = "SECONDS", description = "A file is taken once it has not changed for this long (default: ${DEFAULT-VALUE}).")
  double settleSeconds = 5;

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
    if (usage == null && !(settleSeconds >= 0)) {
      usage = "--settle must be >= 0";
    }
    if (usage != null) {
      System.err.println("tagger watch: " + usage);
      return 2;
    }
    paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    WatchOptions.Worker worker;
    try {
      worker = watch.start("watch", 300, Duration.ofSeconds(timeoutSeconds + 30));
    } catch (RuntimeException e) {
      System.err.println("tagger watch: " + e.getMessage());
      return 2;
    }
    System.err.println("tagger watch: watching " + paths + " (" + worker.limits() + "; run windows: " + worker.control().windows() + ")");
    try (worker;
        DoneList done = DoneList.open(worker.state().resolve("done.tsv"));
        WatchService events = FileSystems.getDefault().newWatchService()) {
      FolderWatch folders = new FolderWatch(paths, ownFiles(worker), done, worker, Math.round(settleSeconds * 1e9));
      List<dev.tagger.spi.TagSink> sinks = new ArrayList<>(worker.metricsSink().stream().toList());
      sinks.add(folders.doneSink()); // after the output sinks: a file is recorded as done once its line is written
      try (Session session = openSession(worker.cores(), ProgressListener.NONE, sinks)) {
        folders.run(session.tagger(), events, Math.min(parallel, worker.cores()));
      }
      worker.status().state(WatchStatus.State.STOPPED);
      return 0;
    } catch (TaggerException e) {
      System.err.println("tagger watch: " + e.getMessage());
      worker.status().error(e.getMessage());
      return CANNOT_START;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("tagger watch: " + e.getMessage());
      return 2;
    }
  }

  /** What the watcher itself writes, which must never be taken as new items. */
  private List<Path> ownFiles(WatchOptions.Worker worker) {
    List<Path> own = new ArrayList<>(List.of(worker.state()));
    for (Path p : new Path[] {out, report, noCache ? null : cache, watch.status, watch.pauseFile}) {
      if (p != null) {
        own.add(p);
      }
    }
    return own.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }
}
