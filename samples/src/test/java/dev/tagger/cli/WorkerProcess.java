package dev.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A long-running CLI worker ({@code watch}, {@code stash watch}) started as its own JVM with this test's
 * classpath, its output in {@code DIR/watch.log} and its status file in {@code DIR/state}: what the watcher
 * tests share.
 */
final class WorkerProcess {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerProcess() {}

  /** Starts {@code TaggerCli ARGS...}, passing the classpath through an argument file in {@code dir}. */
  static Process start(Path dir, List<String> args) throws Exception {
    return start(dir, List.of(), args);
  }

  /** The same, with these JVM options. */
  static Process start(Path dir, List<String> jvmOptions, List<String> args) throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path argFile = Files.writeString(dir.resolve("java.args"), "-cp \"" + cp.replace("\\", "\\\\") + "\"\n");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + argFile));
    command.addAll(jvmOptions);
    command.add("dev.tagger.cli.TaggerCli");
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("watch.log").toFile()))
        .start();
  }

  /** The worker's status file, or an empty object before it is written. */
  static JsonNode status(Path dir) {
    try {
      return JSON.readTree(dir.resolve("state/status.json").toFile());
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  /** Waits for the condition, failing after {@code seconds} with the status and the worker's log. */
  static void awaitTrue(Path dir, BooleanSupplier condition, int seconds, String context) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + seconds + " s; " + context + "; status " + status(dir) + "; log:\n"
            + Files.readString(dir.resolve("watch.log")));
      }
      Thread.sleep(200);
    }
  }
}
