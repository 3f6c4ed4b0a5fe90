package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.testkit.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagger spark} on a local Spark with two cores: the same tags as {@code tagger tag}, item by item, Parquet
 * beside the JSON lines, and a job killed halfway resumed without tagging again what it committed.
 */
class SparkCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** The sample media: photos and sounds. */
  Path media() throws IOException {
    Path media = Files.createDirectories(dir.resolve("media"));
    try (Stream<Path> files = Files.list(TestModels.sampleMedia())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, media.resolve(f.getFileName()));
      }
    }
    for (String sound : List.of("dog-bark.ogg", "applause.wav", "Front_Center.wav")) {
      Files.copy(TestModels.sampleMedia().resolve("audio").resolve(sound), media.resolve(sound));
    }
    return media;
  }

  /** Each item's applied and review tags, by path. */
  static Map<String, List<String>> tagsByPath(List<JsonNode> lines) {
    Map<String, List<String>> out = new TreeMap<>();
    for (JsonNode l : lines) {
      if (l.has("skipped")) {
        continue;
      }
      List<String> names = new ArrayList<>(CliRun.tagNames(l));
      l.path("review").forEach(t -> names.add("review:" + t.path("name").asText()));
      names.sort(null);
      out.put(l.path("path").asText(), names);
    }
    return out;
  }

  static List<JsonNode> output(Path out) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve("json"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("part-.*\\.jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    return lines;
  }

  @Test
  void onLocalSparkTheSampleMediaGetTheSameTagsAsTagItemByItem() throws Exception {
    Path media = media();
    CliRun tag = CliRun.of("tag", "--no-cache", "--no-subtitles", "--workers", "0", "--models", TestModels.dir().toString(), media.toString());
    assertThat(tag.exitCode()).as(tag.stderr()).isZero();
    Path out = dir.resolve("out");
    CliRun spark = CliRun.of("spark", "--master", "local[2]", "--out", out.toString(), "--parquet", "--workers", "0",
        "--models", TestModels.dir().toString(), media.toString());
    assertThat(spark.exitCode()).as(spark.stderr()).isZero();

    Map<String, List<String>> expected = tagsByPath(tag.lines());
    Map<String, List<String>> got = tagsByPath(output(out));
    assertThat(got.keySet()).isEqualTo(expected.keySet()).hasSize(16);
    expected.forEach((path, names) -> assertThat(got.get(path)).as(path).isEqualTo(names));
    assertThat(spark.stderr()).contains("16 items: 0 already in the output, 16 tagged (0 failed)");
    try (Stream<Path> parquet = Files.walk(out.resolve("parquet"))) {
      assertThat(parquet.map(p -> out.relativize(p).toString()))
          .contains("parquet/_SUCCESS").anyMatch(p -> p.startsWith("parquet/kind=image/") && p.endsWith(".parquet"))
          .anyMatch(p -> p.startsWith("parquet/kind=audio/"));
    }

    CliRun again = CliRun.of("spark", "--master", "local[2]", "--out", out.toString(), "--workers", "0", "--models", TestModels.dir().toString(),
        media.toString());
    assertThat(again.stderr()).contains("16 items: 16 already in the output, 0 tagged");
  }

  @Test
  void aJobKilledHalfwayIsResumedWithoutTaggingAgainWhatItCommitted() throws Exception {
    Path media = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 30; i++) { // distinct content: a byte appended after the JPEG's end
      byte[] jpeg = Files.readAllBytes(TestModels.sampleMedia().resolve(i % 2 == 0 ? "dog-bicycle.jpg" : "horses.jpg"));
      byte[] copy = java.util.Arrays.copyOf(jpeg, jpeg.length + 1);
      copy[jpeg.length] = (byte) i;
      Files.write(media.resolve(String.format("photo-%02d.jpg", i)), copy);
    }
    Path out = dir.resolve("out");
    List<String> args = List.of("spark", "--master", "local[1]", "--out", out.toString(), "--partitions", "15", "--workers", "0",
        "--analyzers", "classifier,objects", "--models", TestModels.dir().toString(), media.toString());
    Process job = WorkerProcess.start(dir, sparkOptions(), args);
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (committed(out) < 3) {
      assertThat(job.isAlive()).as("the job ended before it was killed: %s", Files.readString(dir.resolve("watch.log"))).isTrue();
      assertThat(System.nanoTime()).as("parts committed in time").isLessThan(end);
      Thread.sleep(100);
    }
    job.destroyForcibly().waitFor(); // kill -9, halfway
    int done = output(out).size();
    assertThat(done).isBetween(6, 28);

    CliRun resumed = CliRun.of(args.toArray(String[]::new));
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(resumed.stderr()).contains("30 items: " + done + " already in the output, " + (30 - done) + " tagged");
    assertThat(tagsByPath(output(out))).hasSize(30);
    assertThat(output(out)).hasSize(30);
  }

  @Test
  void listsOfPathsAndTableColumnsNameTheItems() throws Exception {
    Path media = Files.createDirectories(dir.resolve("listed"));
    Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), media.resolve("dog.jpg"));
    Files.copy(TestModels.sampleMedia().resolve("horses.jpg"), media.resolve("horses.jpg"));
    Files.copy(TestModels.sampleMedia().resolve("eagle.jpg"), media.resolve("eagle.jpg"));
    // a relative line is resolved against the list's folder; a path given twice is one item; a bad entry is an error line
    Path list = Files.writeString(dir.resolve("items.txt"), "# a list of paths and URIs\n" + media.resolve("dog.jpg") + "\n\n"
        + media.resolve("horses.jpg").toUri() + "\nlisted/dog.jpg\nlisted/missing.jpg\nhttp://example.com/a.jpg\n");
    Path table = Files.writeString(dir.resolve("items.csv"), "id,file\n1," + media.resolve("eagle.jpg") + "\n");
    Path out = dir.resolve("out");

    CliRun run = CliRun.of("spark", "--master", "local[2]", "--out", out.toString(), "--workers", "0", "--analyzers", "objects",
        "--column", "file", "--models", TestModels.dir().toString(), list.toString(), table.toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stderr()).contains("5 items: 0 already in the output, 5 tagged (2 failed)");
    Map<String, List<String>> tags = tagsByPath(output(out));
    assertThat(tags).hasSize(5).containsKey(media.resolve("missing.jpg").toString()).containsKey("http://example.com/a.jpg");
    assertThat(tags.entrySet()).anySatisfy(e -> {
      assertThat(e.getKey()).isEqualTo(media.resolve("dog.jpg").toString());
      assertThat(e.getValue()).containsAnyOf("dog", "review:dog");
    });
    assertThat(output(out)).filteredOn(l -> l.path("path").asText().startsWith("http:"))
        .singleElement().satisfies(l -> assertThat(l.path("error").path("message").asText()).contains("only paths and file: URIs"));

    CliRun again = CliRun.of("spark", "--master", "local[1]", "--out", out.toString(), "--workers", "0", "--analyzers", "objects",
        "--column", "file", "--parquet", "--models", TestModels.dir().toString(), list.toString(), table.toString());
    assertThat(again.stderr()).contains("5 items: 5 already in the output, 0 tagged");
    assertThat(out.resolve("parquet/_SUCCESS")).exists();

    CliRun noColumn = CliRun.of("spark", "--master", "local[1]", "--out", out.toString(), "--workers", "0", "--analyzers", "objects",
        "--models", TestModels.dir().toString(), table.toString());
    assertThat(noColumn.exitCode()).isEqualTo(3);
    assertThat(noColumn.stderr()).contains("has no column 'path' (it has id, file)");
  }

  static int committed(Path out) throws IOException {
    if (!Files.isDirectory(out.resolve("json"))) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(out.resolve("json"))) {
      return (int) files.filter(p -> p.getFileName().toString().matches("part-.*\\.jsonl")).count();
    }
  }

  /** The JVM options Spark needs, as this test JVM has them. */
  static List<String> sparkOptions() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")).toList();
  }
}
