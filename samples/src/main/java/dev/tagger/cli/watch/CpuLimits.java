package dev.tagger.cli.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A worker's share of the machine (Linux): low CPU priority ({@code nice} 10) and idle IO priority for
 * every thread of this process, and a limit on the cores it may run on (its CPU affinity). Threads and
 * worker processes started later inherit both. Where the tools ({@code renice}, {@code ionice},
 * {@code taskset}) or {@code /proc} are missing, the limit is not applied and the returned line says so.
 */
public final class CpuLimits {
  private CpuLimits() {}

  /** Lowers this process's CPU and IO priority; a line saying what was done. */
  public static String lowPriority() {
    if (threads().isEmpty()) {
      return "low priority not applied: no /proc/self/task here";
    }
    String cpu = null;
    String io = null;
    java.util.Set<String> done = new java.util.HashSet<>();
    // starting the tools starts threads of this JVM (the process reaper) after the list was taken: go again for those
    for (int round = 0; round < 4; round++) {
      List<String> fresh = threads().stream().filter(t -> !done.contains(t)).toList();
      if (fresh.isEmpty()) {
        break;
      }
      List<String> renice = new ArrayList<>(List.of("renice", "-n", "10", "-p"));
      renice.addAll(fresh);
      List<String> ionice = new ArrayList<>(List.of("ionice", "-c", "3", "-p"));
      ionice.addAll(fresh);
      cpu = cpu != null ? cpu : run(renice);
      io = io != null ? io : run(ionice);
      done.addAll(fresh);
    }
    return (cpu == null ? "CPU priority nice 10" : "CPU priority unchanged (" + cpu + ")") + ", "
        + (io == null ? "IO priority idle" : "IO priority unchanged (" + io + ")");
  }

  /**
   * Lets this process (and what it starts) run on at most {@code cores} of the cores it may use now; the
   * number of cores it runs on afterwards.
   */
  public static int limitCores(int cores) {
    List<Integer> allowed = allowedCpus();
    if (cores >= allowed.size()) {
      return allowed.size();
    }
    String list = String.join(",", allowed.subList(0, cores).stream().map(String::valueOf).toList());
    String failure = run(List.of("taskset", "-a", "-p", "-c", list, String.valueOf(ProcessHandle.current().pid())));
    if (failure != null) {
      throw new IllegalStateException("cannot limit this process to " + cores + " cores: " + failure);
    }
    return cores;
  }

  /** The CPUs this process may run on, from {@code /proc/self/status}; all of them when it cannot say. */
  static List<Integer> allowedCpus() {
    List<Integer> cpus = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          for (String part : line.substring(line.indexOf(':') + 1).strip().split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0].strip());
            int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
            for (int c = from; c <= to; c++) {
              cpus.add(c);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      cpus.clear();
    }
    if (cpus.isEmpty()) {
      for (int c = 0; c < Runtime.getRuntime().availableProcessors(); c++) {
        cpus.add(c);
      }
    }
    return cpus;
  }

  private static List<String> threads() {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Runs a tool; null when it succeeded, else why not. */
  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return command.get(0) + " did not end";
      }
      return p.exitValue() == 0 ? null : command.get(0) + " failed: " + out.lines().findFirst().orElse("exit " + p.exitValue());
    } catch (IOException e) {
      return command.get(0) + " is not installed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
