package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.testkit.TestModels;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagger watch FOLDER} as its own process: files copied in, one of them arriving slowly as a large
 * copy does, are each tagged once, when complete; a kill -9 and restart takes only what was not finished;
 * the pause file holds it between items.
 */
class FolderWatchTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void filesCopiedInAlsoSlowlyAreTaggedOnceEachWhenComplete() throws Exception {
    Path photos = KillAndResumeTest.distinctPhotos(dir.resolve("photos"));
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(photos.resolve("cat-000.png"), in.resolve("already-there.png"));
    Process watcher = watcher(in, "--settle", "4", "--metrics", "127.0.0.1:0");
    try {
      awaitTrue(() -> lines().size() == 1, 120);
      // a watcher runs at low priority by default: every thread at nice 10, IO in the idle class
      try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(watcher.pid()), "task"))) {
        List<Integer> nice = tasks.map(t -> {
          try {
            String stat = Files.readString(t.resolve("stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
          } catch (Exception e) {
            return 10; // a thread that ended meanwhile
          }
        }).toList();
        assertThat(nice).isNotEmpty().containsOnly(10);
      }
      Process ionice = new ProcessBuilder("ionice", "-p", String.valueOf(watcher.pid())).redirectErrorStream(true).start();
      assertThat(new String(ionice.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("idle");
      Files.copy(photos.resolve("cat-001.png"), in.resolve("copied.png"));
      Path sub = Files.createDirectories(in.resolve("new-folder"));
      Files.copy(photos.resolve("cat-002.png"), sub.resolve("in-a-new-folder.png"));
      // a slow copy: the bytes arrive over 6 s, so the file is incomplete (and undecodable) until the end
      byte[] bytes = Files.readAllBytes(photos.resolve("cat-003.png"));
      try (OutputStream out = Files.newOutputStream(in.resolve("slow.png"))) {
        for (int i = 0; i < 6; i++) {
          out.write(bytes, i * bytes.length / 6, (i + 1) * bytes.length / 6 - i * bytes.length / 6);
          out.flush();
          Thread.sleep(1000);
        }
      }
      awaitTrue(() -> lines().size() == 4, 60);
      Thread.sleep(4000); // time to tag anything twice, were it to
      String metrics = scrape();
      assertThat(metrics).containsPattern("tagger_items_total\\{[^}]*outcome=\"tagged\"[^}]*\\} 4\\.0")
          .containsPattern("tagger_analyzer_duration_seconds_count\\{analyzer=\"image-classifier\"[^}]*\\} 4")
          .contains("tagger_watch_queue 0.0").containsPattern("tagger_watch_state\\{state=\"idle\"\\} 1\\.0");
    } finally {
      watcher.destroy();
      assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    Map<String, Integer> perFile = new TreeMap<>();
    for (JsonNode line : lines()) {
      perFile.merge(Path.of(line.path("path").asText()).getFileName().toString(), 1, Integer::sum);
      assertThat(line.path("error").isNull()).as(line.toString()).isTrue();
    }
    assertThat(perFile).containsExactlyInAnyOrderEntriesOf(Map.of("already-there.png", 1, "copied.png", 1, "in-a-new-folder.png", 1, "slow.png", 1));
    JsonNode status = JSON.readTree(dir.resolve("state/status.json").toFile());
    assertThat(status.path("state").asText()).isEqualTo("stopped");
    assertThat(status.path("done").asInt()).isEqualTo(4);
  }

  @Test
  void killedAndStartedAgainItTakesOnlyWhatItHadNotFinishedAndThePauseFileHoldsIt() throws Exception {
    Path photos = KillAndResumeTest.distinctPhotos(dir.resolve("in"));
    Process first = watcher(photos, "--parallel", "1", "--settle", "0");
    awaitTrue(() -> lines().size() >= 30, 180);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int before = lines().size();
    Files.writeString(dir.resolve("state/pause"), "");
    Process second = watcher(photos, "--parallel", "1", "--settle", "0");
    try {
      awaitTrue(() -> status().path("state").asText().equals("paused"), 120);
      Thread.sleep(3000);
      assertThat(lines()).hasSize(before);
      Files.delete(dir.resolve("state/pause"));
      awaitTrue(() -> new java.util.HashSet<>(lines().stream().map(l -> l.path("path").asText()).toList()).size() >= KillAndResumeTest.ITEMS, 300);
    } finally {
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    List<String> paths = lines().stream().map(l -> l.path("path").asText()).toList();
    System.out.printf("kill -9 after %d of %d files; the restarted watcher took %d, %d of them again%n", before, KillAndResumeTest.ITEMS,
        paths.size() - before, paths.size() - KillAndResumeTest.ITEMS);
    assertThat(new java.util.HashSet<>(paths)).as("every file tagged").hasSize(KillAndResumeTest.ITEMS);
    // at least once: only the file in hand at the kill (its line written, its end not yet recorded) may be taken again
    assertThat(paths.size() - KillAndResumeTest.ITEMS).isBetween(0, 1);
  }

  @Test
  void sigusr1PausesBetweenItemsAndTheNextOneResumes() throws Exception {
    Path photos = KillAndResumeTest.distinctPhotos(dir.resolve("photos"));
    Path in = Files.createDirectories(dir.resolve("in"));
    Process watcher = watcher(in, "--settle", "0");
    try {
      awaitTrue(() -> status().path("state").asText().equals("idle"), 120);
      signal(watcher, "USR1");
      awaitTrue(() -> status().path("state").asText().equals("paused"), 30);
      Files.copy(photos.resolve("cat-000.png"), in.resolve("while-paused.png"));
      Thread.sleep(3000);
      assertThat(lines()).as("nothing is taken while paused").isEmpty();
      assertThat(status().path("state").asText()).isEqualTo("paused");
      signal(watcher, "USR1");
      awaitTrue(() -> lines().size() == 1, 60);
    } finally {
      watcher.destroy();
      assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  static void signal(Process p, String name) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor()).isZero();
  }

  Process watcher(Path folder, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("watch", "--analyzers", "classifier", "--workers", "0", "--models", TestModels.dir().toString(),
        "--cache", dir.resolve("cache").toString(), "--state", dir.resolve("state").toString(), "--out", dir.resolve("out.jsonl").toString()));
    args.addAll(List.of(extra));
    args.add(folder.toString());
    return WorkerProcess.start(dir, args);
  }

  /** The watcher's Prometheus endpoint, at the port its first line names. */
  String scrape() throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("metrics on port (\\d+)").matcher(Files.readString(dir.resolve("watch.log")));
    assertThat(m.find()).isTrue();
    var client = java.net.http.HttpClient.newHttpClient();
    var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + m.group(1) + "/metrics")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  List<JsonNode> lines() {
    List<JsonNode> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("out.jsonl"))) {
        if (line.endsWith("}")) {
          out.add(JSON.readTree(line));
        }
      }
    } catch (Exception e) {
      // not written yet
    }
    return out;
  }

  JsonNode status() {
    return WorkerProcess.status(dir);
  }

  void awaitTrue(BooleanSupplier condition, int seconds) throws Exception {
    WorkerProcess.awaitTrue(dir, condition, seconds, lines().size() + " lines");
  }
}
