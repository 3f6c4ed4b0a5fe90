package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.stash.FakeStash;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagger stash watch} as its own process against the in-JVM fake Stash: it keeps up with new items
 * without any hook, survives {@code kill -9} without losing or redoing items, stops cleanly on SIGTERM,
 * and analyzes nothing outside its run window.
 */
class StashWatchTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void itemsAddedWhileItRunsAreTaggedWithinAMinuteAndSigtermStopsItCleanly() throws Exception {
    Path photos = KillAndResumeTest.distinctPhotos(dir.resolve("photos"));
    try (FakeStash stash = new FakeStash("k3y")) {
      stash.addImage("1", "/stash/cat-000.png");
      Process watcher = watcher(stash);
      try {
        awaitTrue(() -> tagged(stash, "1"), 120);
        long added = System.nanoTime();
        stash.addImage("2", "/stash/cat-001.png");
        stash.addScene("3", "/stash/missing.mp4"); // a file that is not there fails alone
        awaitTrue(() -> tagged(stash, "2"), 60);
        double seconds = (System.nanoTime() - added) / 1e9;
        System.out.printf("an image added while stash watch ran was tagged %.1f s later (poll every 1 s)%n", seconds);
        assertThat(seconds).isLessThan(60);
        awaitTrue(() -> status().path("failed").asInt() == 1, 30);
        assertThat(status().path("last_error").path("item").asText()).contains("scene 3");
      } finally {
        watcher.destroy(); // SIGTERM
      }
      assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(status().path("state").asText()).isEqualTo("stopped");
      assertThat(status().path("done").asInt()).isEqualTo(2);
      assertThat(photos).exists();
    }
  }

  @Test
  void aWatcherKilledHalfwayAndStartedAgainLosesNothingAndRedoesNothingFinished() throws Exception {
    KillAndResumeTest.distinctPhotos(dir.resolve("photos"));
    int n = 40;
    try (FakeStash stash = new FakeStash("k3y")) {
      for (int i = 0; i < n; i++) {
        stash.addImage(String.valueOf(i), String.format("/stash/cat-%03d.png", i));
      }
      // tags go to Stash in bulk updates of 5 items, so a kill lands between written and unwritten ones
      Process first = watcher(stash, "--parallel", "1", "--batch", "5");
      awaitTrue(() -> taggedCount(stash) >= n / 3, 180);
      first.destroyForcibly(); // SIGKILL
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      List<String> finished = new ArrayList<>();
      Map<String, Integer> writes = new java.util.HashMap<>();
      stash.images.forEach((id, item) -> {
        if (tagged(stash, id)) {
          finished.add(id);
          writes.put(id, item.writes.get());
        }
      });
      assertThat(finished.size()).isBetween(n / 3, n - 1);

      Process second = watcher(stash, "--parallel", "1", "--batch", "5");
      try {
        awaitTrue(() -> taggedCount(stash) == n, 240);
      } finally {
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      System.out.printf("kill -9 after %d of %d images; the second watcher tagged the other %d and wrote nothing to the finished ones%n",
          finished.size(), n, n - finished.size());
      for (String id : finished) {
        assertThat(stash.images.get(id).writes.get()).as("writes to image %s, finished before the kill", id).isEqualTo(writes.get(id));
      }
      assertThat(status().path("done").asInt()).isEqualTo(n - finished.size());
    }
  }

  @Test
  void outsideItsRunWindowNothingIsAnalyzed() throws Exception {
    KillAndResumeTest.distinctPhotos(dir.resolve("photos"));
    try (FakeStash stash = new FakeStash("k3y")) {
      stash.addImage("1", "/stash/cat-000.png");
      stash.addImage("2", "/stash/cat-001.png");
      LocalTime now = LocalTime.now();
      String window = now.plusHours(2).withSecond(0).withNano(0) + "-" + now.plusHours(3).withSecond(0).withNano(0);
      Process watcher = watcher(stash, "--window", window);
      try {
        awaitTrue(() -> status().path("state").asText().equals("waiting for window"), 120);
        Thread.sleep(5000);
        JsonNode s = status();
        assertThat(s.path("state").asText()).isEqualTo("waiting for window");
        assertThat(s.path("queue").asInt()).isEqualTo(2);
        assertThat(s.path("next_window").asText()).isNotEmpty();
        assertThat(s.path("done").asInt()).isZero();
        assertThat(stash.images.values()).allSatisfy(i -> assertThat(i.writes.get()).isZero());
      } finally {
        watcher.destroy();
      }
      assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(status().path("state").asText()).isEqualTo("stopped");
    }
  }

  Process watcher(FakeStash stash, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("stash", "watch", "--url", stash.url(), "--api-key", "k3y", "--analyzers", "classifier",
        "--workers", "0", "--models", TestModels.dir().toString(), "--path-map", "/stash=" + dir.resolve("photos"),
        "--feedback", dir.resolve("feedback").toString(), "--state", dir.resolve("state").toString(), "--poll", "1"));
    args.addAll(List.of(extra));
    return WorkerProcess.start(dir, args);
  }

  JsonNode status() {
    return WorkerProcess.status(dir);
  }

  static boolean tagged(FakeStash stash, String imageId) {
    FakeStash.Item item = stash.images.get(imageId);
    synchronized (stash) {
      return item != null && item.tags.stream().anyMatch(t -> stash.tags.get(t).name.equals("AI_tagged"));
    }
  }

  static long taggedCount(FakeStash stash) {
    return stash.images.keySet().stream().filter(id -> tagged(stash, id)).count();
  }

  void awaitTrue(BooleanSupplier condition, int seconds) throws Exception {
    WorkerProcess.awaitTrue(dir, condition, seconds, "stash watch");
  }
}
