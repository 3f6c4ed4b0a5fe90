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
  /** Where the workers keep their state by default. */
  static final Path DEFAULT_STATE = Path.of(System.getProperty("user.home"), ".cache", "tagger", "watch");

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
      + "the list of items done (default: ${DEFAULT-VALUE}).")
  Path state = DEFAULT_STATE;

  @Option(names = "--status", paramLabel = "FILE", description = "The status file, JSON: state, queue, rate, last item, "
      + "last error (default: STATE/status.json).")
  Path status;

  @Option(names = "--metrics", paramLabel = "[HOST:]PORT", description = "Serve Prometheus metrics at http://HOST:PORT/metrics "
      + "(items, analyzer timers, queue, state; host 127.0.0.1 unless given, 0.0.0.0 for all).")
  String metrics;

  @Option(names = "--poll", paramLabel = "SECONDS", description = "How often to look for new items besides file-system events "
      + "(default: ${DEFAULT-VALUE}).")
  double pollSeconds = 30;

  /** The parts of a running worker, made from these options. */
  record Worker(WatchControl control, WatchStatus status, int cores, String limits, dev.tagger.cli.watch.@org.jspecify.annotations.Nullable MetricsEndpoint metrics) {
    /** The sink that feeds the metrics endpoint, if there is one. */
    java.util.Optional<dev.tagger.spi.TagSink> metricsSink() {
      return java.util.Optional.ofNullable(metrics).map(m -> new dev.tagger.sink.MetricsSink(m.registry()));
    }
  }

  /**
   * Applies the priority and core limit to this process, and makes the control (with signals installed)
   * and the status file.
   */
  Worker start(Duration grace) {
    if (maxCores != null && maxCores < 1 || !(pollSeconds > 0)) {
      throw new IllegalArgumentException("--max-cores and --poll must be positive");
    }
    RunWindows runWindows = RunWindows.parse(windows);
    int cores = maxCores == null ? Runtime.getRuntime().availableProcessors() : CpuLimits.limitCores(maxCores);
    String limits = (normalPriority ? "normal priority" : CpuLimits.lowPriority()) + ", " + cores + (cores == 1 ? " core" : " cores");
    WatchControl control = new WatchControl(runWindows, pauseFile != null ? pauseFile : state.resolve("pause"), Clock.systemDefaultZone());
    control.installSignals(grace);
    WatchStatus watchStatus = new WatchStatus(status != null ? status : state.resolve("status.json"), runWindows, Clock.systemDefaultZone());
    dev.tagger.cli.watch.MetricsEndpoint endpoint = metrics == null ? null : dev.tagger.cli.watch.MetricsEndpoint.start(metrics);
    if (endpoint != null) {
      watchStatus.bind(endpoint.registry());
      limits += ", metrics on port " + endpoint.port();
    }
    return new Worker(control, watchStatus, cores, limits, endpoint);
  }

  Duration poll() {
    return Duration.ofMillis(Math.round(pollSeconds * 1000));
  }
}
