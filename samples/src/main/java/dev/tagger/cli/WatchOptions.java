package dev.tagger.cli;

import dev.tagger.cli.watch.CpuLimits;
import dev.tagger.cli.watch.RunWindows;
import dev.tagger.cli.watch.WatchControl;
import dev.tagger.cli.watch.WatchStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The long-running workers' options (a picocli mixin shared by {@code watch} and {@code stash watch}). */
final class WatchOptions {
  private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "tagger");

  /** Whether any of these options was given (they apply to the watchers only). */
  boolean isSet() {
    return !windows.isEmpty() || maxCores != null || normalPriority || pauseFile != null || state != null || status != null || metrics != null
        || pollSeconds != null;
  }

  @Option(names = "--window", paramLabel = "HH:MM-HH:MM", description = "Analyze only in this time of day, e.g. 22:00-07:00; "
      + "outside it the worker waits between items. Repeatable (default: always).")
  List<String> windows = new ArrayList<>();

  @Option(names = "--max-cores", paramLabel = "N", description = "Run on at most N cores, worker processes included (default: all).")
  Integer maxCores;

  @Option(names = "--no-low-priority", description = "Keep normal CPU and IO priority (default for watchers: nice 10, idle IO).")
  boolean normalPriority;

  @Option(names = "--pause-file", paramLabel = "FILE", description = "While this file exists the worker pauses between items; "
      + "SIGUSR1 pauses and resumes too (default: STATE/pause).")
  Path pauseFile;

  @Option(names = "--state", paramLabel = "DIR", description = "The worker's own files: the status file, the pause flag, "
      + "the list of items done; one worker a folder (default: ~/.cache/tagger/watch for watch, ~/.cache/tagger/stash-watch for stash watch).")
  Path state;

  @Option(names = "--status", paramLabel = "FILE", description = "The status file, JSON: state, queue, rate, last item, "
      + "last error (default: STATE/status.json).")
  Path status;

  @Option(names = "--metrics", paramLabel = "[HOST:]PORT", description = "Serve Prometheus metrics at http://HOST:PORT/metrics "
      + "(items, analyzer timers, queue, state; host 127.0.0.1 unless given, 0.0.0.0 for all).")
  String metrics;

  @Option(names = "--poll", paramLabel = "SECONDS", description = "How often to look for new items: stash watch asks Stash "
      + "(default 30), watch walks its folders again for what file-system events missed (default 300).")
  Double pollSeconds;

  /** The parts of a running worker, made from these options. */
  record Worker(WatchControl control, WatchStatus status, int cores, String limits, dev.tagger.cli.watch.@org.jspecify.annotations.Nullable MetricsEndpoint metrics,
      Path state, Duration poll) implements AutoCloseable {
    /** Stops the metrics endpoint, frees the state folder, and lets a stop end the JVM. */
    @Override
    public void close() {
      try {
        if (metrics != null) {
          metrics.close();
        }
        status.close();
      } finally {
        control.ended();
      }
    }

    /** The sink that feeds the metrics endpoint, if there is one. */
    java.util.Optional<dev.tagger.spi.TagSink> metricsSink() {
      return java.util.Optional.ofNullable(metrics).map(m -> new dev.tagger.sink.MetricsSink(m.registry()));
    }
  }

  /**
   * Applies the priority and core limit to this process, makes the control and the status file, starts
   * the metrics endpoint, and last (so that a failure before leaves no hook waiting) installs the signals.
   *
   * @param name the worker's name, its state folder's by default ({@code watch}, {@code stash-watch})
   * @param defaultPoll seconds between looks for new items unless {@code --poll} says
   */
  Worker start(String name, double defaultPoll, Duration grace) {
    double poll = pollSeconds != null ? pollSeconds : defaultPoll;
    if (maxCores != null && maxCores < 1 || !(poll > 0)) {
      throw new IllegalArgumentException("--max-cores and --poll must be positive");
    }
    RunWindows runWindows = RunWindows.parse(windows);
    Path dir = state != null ? state : CACHE.resolve(name);
    int cores = maxCores == null ? Runtime.getRuntime().availableProcessors() : CpuLimits.limitCores(maxCores);
    String limits = (normalPriority ? "normal priority" : CpuLimits.lowPriority()) + ", " + cores + (cores == 1 ? " core" : " cores");
    WatchControl control = new WatchControl(runWindows, pauseFile != null ? pauseFile : dir.resolve("pause"), Clock.systemDefaultZone());
    WatchStatus watchStatus = WatchStatus.open(status != null ? status : dir.resolve("status.json"), runWindows, Clock.systemDefaultZone());
    dev.tagger.cli.watch.MetricsEndpoint endpoint = null;
    try {
      endpoint = metrics == null ? null : dev.tagger.cli.watch.MetricsEndpoint.start(metrics);
      if (endpoint != null) {
        watchStatus.bind(endpoint.registry());
        limits += ", metrics on port " + endpoint.port();
      }
    } catch (RuntimeException e) {
      watchStatus.close();
      throw e;
    }
    control.installSignals(grace);
    return new Worker(control, watchStatus, cores, limits, endpoint, dir, Duration.ofMillis(Math.round(poll * 1000)));
  }
}
