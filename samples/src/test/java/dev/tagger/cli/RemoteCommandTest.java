package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.remote.InJvmGateway;
import dev.tagger.remote.LocalModels;
import dev.tagger.testkit.TestModels;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tag} with a gateway, as a user runs it: its own JVM with worker processes, the key in
 * {@code TAGGER_REMOTE_KEY}, against the in-JVM gateway (real models behind it); and with the gateway down.
 */
class RemoteCommandTest {
  static final String KEY = "sk-cli-5e1d2c3b4a596877";
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  record Run(int exit, String stdout, String stderr) {}

  Run tagger(Map<String, String> env, List<String> args) throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path argFile = Files.writeString(dir.resolve("java.args"), "-cp \"" + cp.replace("\\", "\\\\") + "\"\n");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + argFile,
        "-D" + dev.tagger.model.ModelStore.PROPERTY_DIR + "=" + TestModels.dir().toAbsolutePath(), "dev.tagger.cli.TaggerCli"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("tagger finished").isTrue();
    return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt")), Files.readString(dir.resolve("stderr.txt")));
  }

  List<Path> media() throws IOException {
    Path photos = Files.createDirectories(dir.resolve("media"));
    Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), photos.resolve("dog-bicycle.jpg"));
    Files.writeString(photos.resolve("council.txt"), "The town council voted to build a solar farm on the old airfield. Solar panels "
        + "will cover forty hectares, and the solar farm should power six thousand homes. Construction starts in spring.");
    return List.of(photos.resolve("dog-bicycle.jpg"), photos.resolve("council.txt"));
  }

  static JsonNode line(List<JsonNode> lines, String name) {
    return lines.stream().filter(l -> l.path("path").asText().endsWith(name)).findFirst().orElseThrow();
  }

  static List<JsonNode> tagsOf(JsonNode item, String analyzer) {
    List<JsonNode> out = new ArrayList<>();
    for (String field : List.of("tags", "review")) {
      item.path(field).forEach(t -> {
        if (t.path("source").path("analyzer").asText().equals(analyzer)) {
          out.add(t);
        }
      });
    }
    return out;
  }

  @Test
  void aRunWithTheGatewayTagsDescribesAndCountsAndTheKeyShowsNowhere() throws Exception {
    List<Path> media = media();
    try (LocalModels models = new LocalModels(); InJvmGateway gateway = InJvmGateway.start(KEY, models)) {
      Run run = tagger(Map.of("TAGGER_REMOTE_KEY", KEY), List.of("tag", "--analyzers", "objects,keywords,remote-vision,remote-text",
          "--remote-url", gateway.baseUrl().toString(), "--remote-model", "big-vision", "--cache", dir.resolve("cache").toString(),
          "--out", dir.resolve("out.jsonl").toString(), "--report", dir.resolve("report.json").toString(), "--xmp", "--workers", "2",
          media.get(0).toString(), media.get(1).toString()));

      assertThat(run.exit()).as(run.stderr()).isZero();
      List<JsonNode> lines = Files.readAllLines(dir.resolve("out.jsonl")).stream().map(RemoteCommandTest::parse).toList();
      JsonNode photo = line(lines, "dog-bicycle.jpg");
      assertThat(tagsOf(photo, "remote-vision")).extracting(t -> t.path("name").asText()).contains("dog");
      assertThat(tagsOf(photo, "remote-vision").get(0).path("source").path("model").asText())
          .isEqualTo("big-vision via " + gateway.baseUrl());
      assertThat(photo.path("texts").findValuesAsText("kind")).contains("caption");
      assertThat(photo.path("usage").path("remote-vision.requests").asLong()).isEqualTo(1);
      JsonNode text = line(lines, "council.txt");
      // the model behind this gateway (the keyword analyzer) states 0.4 to 0.6, which the cautious remote curve drops
      assertThat(text.path("texts").toString()).contains("\"kind\":\"about\"").contains("solar farm");
      assertThat(text.path("usage").path("remote-text.requests").asLong()).isEqualTo(1);
      assertThat(tagsOf(text, "keywords")).as("the local analyzers ran too").isNotEmpty();

      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertThat(report.path("gateway").path("remote-vision").path("requests").asLong()).isEqualTo(1);
      assertThat(report.path("gateway").path("remote-text").path("requests").asLong()).as("the photo has no text to send").isEqualTo(1);
      assertThat(report.path("gateway").path("remote-vision").path("tokens_in").asLong()).isPositive();
      String xmp = Files.readString(media.get(0).resolveSibling("dog-bicycle.jpg.xmp"));
      assertThat(xmp).contains("dc:description").contains("A picture of");

      assertThat(gateway.received()).allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer " + KEY));
      assertThat(run.stdout() + run.stderr()).doesNotContain(KEY);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("java.args")).toList()) {
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("%s", f).doesNotContain(KEY);
        }
      }

      Run again = tagger(Map.of("TAGGER_REMOTE_KEY", KEY), List.of("tag", "--analyzers", "objects,keywords,remote-vision,remote-text",
          "--remote-url", gateway.baseUrl().toString(), "--remote-model", "big-vision", "--cache", dir.resolve("cache").toString(),
          media.get(0).toString(), media.get(1).toString()));
      assertThat(again.exit()).isZero();
      assertThat(gateway.received()).as("a re-run takes the stored results: no request").hasSize(2);
    }
  }

  @Test
  void withTheGatewayDownTheRunGoesOnWithLocalAnalyzersAndSaysSoOnce() throws Exception {
    List<Path> media = media();
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run run = tagger(Map.of(), List.of("tag", "--analyzers", "objects,keywords,remote-vision,remote-text", "--remote-url",
        "http://127.0.0.1:" + closed + "/v1", "--remote-model", "big-vision", "--remote-retries", "1", "--no-cache", "--workers", "2",
        media.get(0).toString(), media.get(1).toString()));

    assertThat(run.exit()).as(run.stderr()).isZero();
    List<JsonNode> lines = run.stdout().lines().map(RemoteCommandTest::parse).toList();
    JsonNode photo = line(lines, "dog-bicycle.jpg");
    assertThat(tagsOf(photo, "object-detector")).extracting(t -> t.path("name").asText()).contains("dog");
    assertThat(photo.path("partial").toString()).contains("remote-vision (gateway unreachable)");
    assertThat(line(lines, "council.txt").path("partial").toString()).contains("remote-text (gateway unreachable)");
    assertThat(run.stderr().lines().filter(l -> l.contains("unreachable"))).as(run.stderr()).hasSize(1);
  }

  @Test
  void aRemoteAnalyzerWithoutAGatewayIsAUsageError() throws Exception {
    CliRun run = CliRun.of("tag", "--analyzers", "keywords,remote-text", "--no-cache", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("remote-vision and remote-text need --remote-url URL");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
