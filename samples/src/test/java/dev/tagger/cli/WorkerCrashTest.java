package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.media.TestMedia;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagger tag} analyzes in worker processes by default: a worker that dies of SIGSEGV in the middle
 * of an item (sent here while FFmpeg has the item open) fails that item alone with the crash named; the
 * other items are tagged, the result store keeps them, and the next run finishes the crashed one.
 */
class WorkerCrashTest {
  @TempDir
  Path dir;

  @Test
  void aWorkerKilledBySigsegvMidItemFailsThatItemAloneAndTheNextRunFinishesIt() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path longAudio = TestMedia.wav(corpus.resolve("b-ten-minutes.wav"), 440, 16_000, 1, 600);
    List<String> photos = List.of("cat-chelsea.png", "dog-bicycle.jpg", "horses.jpg");
    for (String p : photos) {
      Files.copy(TestModels.sampleMedia().resolve(p), corpus.resolve(p.startsWith("cat") ? "a-" + p : "c-" + p));
    }
    String[] args = {"tag", "--models", TestModels.dir().toString(), "--cache", dir.resolve("cache").toString(), "--raw",
        "--analyzers", "classifier,sounds", "--workers", "1", "--parallel", "1", corpus.toString()};

    AtomicLong killed = new AtomicLong();
    Thread killer = new Thread(() -> killWorkerReading(longAudio, killed), "killer");
    killer.setDaemon(true);
    killer.start();
    CliRun first = CliRun.of(args);
    killer.join(10_000);

    assertThat(killed.get()).as("a worker was killed while it read the long item").isPositive();
    assertThat(first.exitCode()).as(first.stderr()).isEqualTo(1);
    JsonNode crashed = first.item("b-ten-minutes.wav");
    assertThat(crashed.at("/error/stage").asText()).isEqualTo("crash");
    assertThat(crashed.at("/error/message").asText()).contains("b-ten-minutes.wav")
        .contains("crashed in native code (signal 11, SIGSEGV)").contains("the item failed alone");
    for (String p : List.of("a-cat-chelsea.png", "c-dog-bicycle.jpg", "c-horses.jpg")) {
      assertThat(first.item(p).get("error").isNull()).as(p).isTrue();
      assertThat(first.item(p).get("tags")).as(p).isNotEmpty();
    }

    CliRun second = CliRun.of(args);
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.item("b-ten-minutes.wav").get("error").isNull()).isTrue();
    assertThat(second.item("b-ten-minutes.wav").get("cached").asBoolean()).isFalse();
    for (String p : List.of("a-cat-chelsea.png", "c-dog-bicycle.jpg", "c-horses.jpg")) {
      assertThat(second.item(p).get("cached").asBoolean()).as(p).isTrue();
    }
  }

  /** Waits (up to a minute) until a worker process has {@code file} open, then sends it SIGSEGV. */
  private static void killWorkerReading(Path file, AtomicLong killed) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline && killed.get() == 0) {
      Optional<ProcessHandle> worker = ProcessHandle.current().descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("dev.tagger.WorkerMain"))
          .filter(p -> hasOpen(p.pid(), file)).findFirst();
      if (worker.isPresent()) {
        try {
          new ProcessBuilder("kill", "-SEGV", String.valueOf(worker.get().pid())).inheritIO().start().waitFor();
          killed.set(worker.get().pid());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static boolean hasOpen(long pid, Path file) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).equals(file.toAbsolutePath());
        } catch (Exception e) {
          return false;
        }
      });
    } catch (Exception e) {
      return false;
    }
  }
}
