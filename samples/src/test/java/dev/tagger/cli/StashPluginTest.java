package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tagger.stash.FakeStash;
import dev.tagger.testkit.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin run as Stash runs it (raw interface): a separate JVM, Stash's JSON on stdin, only the result
 * JSON on stdout, and log and progress lines on stderr as {@code \x01 level \x02 text}.
 */
class StashPluginTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  record Run(JsonNode result, List<String> stderr, String stdout) {}

  Run plugin(FakeStash stash, Map<String, Object> args) throws Exception {
    return plugin(stash, args, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), StashPlugin.class.getName()), Map.of());
  }

  /** The plugin run with this command line, and these changes to the environment (a null value removes a variable). */
  Run plugin(FakeStash stash, Map<String, Object> args, List<String> command, Map<String, String> env) throws Exception {
    Map<String, Object> input = Map.of(
        "server_connection", Map.of("Scheme", "http", "Host", "127.0.0.1", "Port", Integer.parseInt(stash.url().replaceAll(".*:", "")),
            "SessionCookie", Map.of("Name", "session", "Value", "k3y"), "Dir", dir.toString(), "PluginDir", dir.resolve("plugin").toString()),
        "args", args);
    ProcessBuilder pb = new ProcessBuilder(command);
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    Process p = pb.start();
    p.getOutputStream().write(JSON.writeValueAsBytes(input));
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out.strip().lines()).as("stdout holds only the result").hasSize(1);
    List<String> lines = new ArrayList<>(err.lines().toList());
    return new Run(JSON.readTree(out), lines, out);
  }

  @Test
  void aTaskTagsImagesAndReportsProgressInStashsFormat() throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), photos.resolve("cat.png"));
    Files.copy(TestModels.sampleMedia().resolve("coffee-cup.png"), photos.resolve("cup.png"));
    try (FakeStash stash = new FakeStash("k3y")) {
      var queue = stash.addTag("AI_queue");
      stash.addImage("1", "/stash/photos/cat.png", queue.id); // a person asked for it
      stash.addImage("2", "/stash/photos/cup.png"); // new: without AI_tagged
      stash.pluginSettings = Map.of("tagger", Map.of("analyzers", "classifier", "minConfidence", "0.3", "pathMap", "/stash=" + dir, "models", TestModels.dir().toString(),
          "lowPriority", true, "maxCores", 1));

      Run r = plugin(stash, Map.of("mode", "tag-images"));

      assertThat(r.result().path("error").isNull()).as(r.stdout() + r.stderr()).isTrue();
      assertThat(r.result().path("output").asText()).startsWith("images: 2 items, 2 tagged, 0 failed");
      assertThat(String.join("\n", r.stderr())).contains("CPU priority nice 10, IO priority idle, 1 cores");
      assertThat(r.stderr()).isNotEmpty().allSatisfy(l -> assertThat(l).matches("\u0001[tdiwep]\u0002.*"));
      List<Double> progress = r.stderr().stream().filter(l -> l.startsWith("\u0001p\u0002")).map(l -> Double.parseDouble(l.substring(3))).toList();
      assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0)).last().isEqualTo(1.0);
      assertThat(stash.images.get("1").tags).extracting(t -> stash.tags.get(t).name).contains("cat_AI", "AI_tagged").doesNotContain("AI_queue");
    }
  }

  @Test
  void aTaskRunsOnThePluginsOwnJavaRuntimeWithNoJavaOnThePath() throws Exception {
    Path pluginFolder = Path.of("target/stash-plugin").toAbsolutePath();
    List<String> exec = new ArrayList<>();
    new YAMLMapper().readTree(Path.of("src/stash-plugin/tagger.yml").toFile()).path("exec").forEach(a -> exec.add(a.asText()));
    // as Stash does: a program that is not on the PATH is taken from the plugin's folder
    Path java = pluginFolder.resolve(exec.get(0));
    assertThat(java).as("the plugin's runtime, made by jlink before the tests").isExecutable();
    Path emptyPath = Files.createDirectories(dir.resolve("bin-without-java"));
    Process probe = withPath(new ProcessBuilder("/bin/sh", "-c", "command -v java"), emptyPath).start();
    assertThat(probe.waitFor()).as("java is not on this PATH").isNotZero();
    List<String> command = new ArrayList<>(List.of(java.toString()));
    for (int i = 1; i < exec.size(); i++) {
      // lib/ is filled when the build packages, after the tests: the classes come from the test's classpath
      command.add(exec.get(i - 1).equals("-cp") ? System.getProperty("java.class.path") : exec.get(i).replace("{pluginDir}", pluginFolder.toString()));
    }
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), photos.resolve("cat.png"));
    Files.copy(TestModels.sampleMedia().resolve("coffee-cup.png"), photos.resolve("cup.png"));
    try (FakeStash stash = new FakeStash("k3y")) {
      stash.addImage("1", "/stash/photos/cat.png");
      stash.addImage("2", "/stash/photos/cup.png");
      stash.pluginSettings = Map.of("tagger", Map.of("analyzers", "classifier,objects", "minConfidence", "0.3", "pathMap", "/stash=" + dir,
          "models", TestModels.dir().toString(), "workers", 1));

      Map<String, String> env = new java.util.HashMap<>();
      env.put("PATH", emptyPath.toString());
      env.put("JAVA_HOME", null);
      Run r = plugin(stash, Map.of("mode", "tag-images"), command, env);

      assertThat(r.result().path("error").isNull()).as(r.stdout() + r.stderr()).isTrue();
      assertThat(r.result().path("output").asText()).startsWith("images: 2 items, 2 tagged, 0 failed");
      assertThat(String.join("\n", r.stderr())).contains("in 1 worker processes").contains("Java runtime " + pluginFolder.resolve("jre"));
      assertThat(stash.images.get("1").tags).extracting(t -> stash.tags.get(t).name).contains("cat_AI", "AI_tagged");
    }
  }

  static ProcessBuilder withPath(ProcessBuilder pb, Path path) {
    pb.environment().put("PATH", path.toString());
    return pb;
  }

  @Test
  void withThePeopleAnalyzerAPerformersImageSeedsThemAndTaggingAddsThePerformerToTheirImagesOnly() throws Exception {
    Path faces = TestModels.testdata("faces-identity");
    try (FakeStash stash = new FakeStash("k3y")) {
      var amy = stash.performers.add("Amy", null);
      amy.image = Files.readAllBytes(faces.resolve("amy1.png"));
      for (String p : List.of("amy2", "amy3", "amy4", "amy5", "raj1", "raj2", "raj3")) {
        stash.addImage(p, "/stash/faces/" + p + ".png");
      }
      stash.pluginSettings = Map.of("tagger", Map.of("analyzers", "people", "pathMap", "/stash/faces=" + faces, "models", TestModels.dir().toString(),
          "workers", 0));
      Run seed = plugin(stash, Map.of("mode", "seed-people"));
      assertThat(seed.result().path("output").asText()).as(seed.stdout() + seed.stderr()).startsWith("people seeded from 1 performers: 1 pictures, 1 named");
      assertThat(dir.resolve("plugin/feedback/people.mv.db")).exists(); // the people store is the plugin's own

      Run r = plugin(stash, Map.of("mode", "tag-images"));
      assertThat(r.result().path("error").isNull()).as(r.stdout() + r.stderr()).isTrue();
      assertThat(stash.images.values()).filteredOn(i -> i.performers.contains(amy.id)).isNotEmpty()
          .allSatisfy(i -> assertThat(i.id).startsWith("amy"));
      assertThat(stash.performers.byId).hasSize(1); // creating performers is off by default
    }
  }

  @Test
  void withAGatewayATaskTagsWithTheRemoteModelAndKeepsStashsLogFormat() throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), photos.resolve("dog.jpg"));
    String key = "sk-plugin-7a6b5c4d3e2f1a0b";
    Path keyFile = Files.writeString(dir.resolve("gateway.key"), key + "\n");
    try (dev.tagger.remote.LocalModels models = new dev.tagger.remote.LocalModels();
        dev.tagger.remote.InJvmGateway gateway = dev.tagger.remote.InJvmGateway.start(key, models);
        FakeStash stash = new FakeStash("k3y")) {
      stash.addImage("1", "/stash/photos/dog.jpg");
      stash.pluginSettings = Map.of("tagger", Map.of("analyzers", "remote-vision", "pathMap", "/stash=" + dir, "models", TestModels.dir().toString(),
          "remoteUrl", gateway.baseUrl().toString(), "remoteModel", "big-vision", "remoteKeyFile", keyFile.toString(), "workers", 1));

      Run r = plugin(stash, Map.of("mode", "tag-images"));

      assertThat(r.result().path("error").isNull()).as(r.stdout() + r.stderr()).isTrue();
      assertThat(stash.images.get("1").tags).extracting(t -> stash.tags.get(t).name).contains("dog_AI", "AI_tagged");
      assertThat(gateway.received()).singleElement().satisfies(q -> assertThat(q.authorization()).isEqualTo("Bearer " + key));
      assertThat(r.stderr()).allSatisfy(l -> assertThat(l).matches("\u0001[tdiwep]\u0002.*").doesNotContain(key));
      assertThat(r.stdout()).doesNotContain(key);
    }
  }

  @Test
  void anUnknownModeIsAnErrorInTheResultNotACrash() throws Exception {
    try (FakeStash stash = new FakeStash("k3y")) {
      Run r = plugin(stash, Map.of("mode", "bogus"));
      assertThat(r.result().path("output").isNull()).isTrue();
      assertThat(r.result().path("error").asText()).contains("unknown mode 'bogus'");
    }
  }

  @Test
  void theManifestNamesThePluginsEntryPointAndModes() throws Exception {
    Path yml = Path.of("src/stash-plugin/tagger.yml");
    JsonNode manifest = new YAMLMapper().readTree(yml.toFile());
    assertThat(manifest.path("interface").asText()).isEqualTo("raw");
    assertThat(manifest.path("exec").toString()).contains(StashPlugin.class.getName());
    List<String> modes = new ArrayList<>();
    manifest.path("tasks").forEach(t -> modes.add(t.path("defaultArgs").path("mode").asText()));
    assertThat(modes).containsExactly("tag-scenes", "tag-images", "tag-all", "review", "seed-people", "reset");
    assertThat(manifest.has("hooks")).as("no hook: one would start a JVM inside every save of a scan").isFalse();
  }
}
