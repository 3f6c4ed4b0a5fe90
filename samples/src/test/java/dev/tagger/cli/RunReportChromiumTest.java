package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.testkit.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's HTML report opened in headless Chromium: it renders offline (its charts drawn by the inlined
 * library, a screenshot kept in target/), and every number it shows equals what the run's own JSON lines
 * say: items by kind, failures by stage, items per label, the review queue, time per analyzer.
 */
class RunReportChromiumTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void theHtmlReportRendersInChromiumAndItsNumbersEqualTheRunsJsonLines() throws Exception {
    Path media = Files.createDirectories(dir.resolve("media"));
    for (String f : List.of("cat-chelsea.png", "dog-bicycle.jpg", "group-outdoors.jpg", "horses.jpg", "street-people-cars.jpg")) {
      Files.copy(TestModels.sampleMedia().resolve(f), media.resolve(f));
    }
    Files.writeString(media.resolve("broken.jpg"), "not a picture");
    Files.write(media.resolve("empty.png"), new byte[0]);
    Path report = dir.resolve("run.html");
    Path lines = dir.resolve("run.jsonl");
    CliRun run = CliRun.of("tag", "--no-cache", "--workers", "0", "--analyzers", "classifier,objects,faces", "--models", TestModels.dir().toString(),
        "--report", report.toString(), "--out", lines.toString(), media.toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1); // two items fail

    // what the JSON lines say
    Map<String, Integer> kinds = new HashMap<>();
    Map<String, Integer> stages = new HashMap<>();
    Map<String, Integer> labels = new HashMap<>();
    Map<String, Double> millis = new HashMap<>();
    int review = 0;
    List<JsonNode> items = new ArrayList<>();
    for (String line : Files.readAllLines(lines)) {
      items.add(JSON.readTree(line));
    }
    for (JsonNode i : items) {
      kinds.merge(i.path("kind").asText(), 1, Integer::sum);
      if (!i.path("error").isNull()) {
        stages.merge(i.path("error").path("stage").asText(), 1, Integer::sum);
      }
      i.path("tags").forEach(t -> labels.merge(t.path("name").asText(), 1, Integer::sum));
      review += i.path("review").size();
      i.path("analyzer_ms").fields().forEachRemaining(e -> millis.merge(e.getKey(), e.getValue().asDouble(), Double::sum));
    }
    assertThat(items).hasSize(7);

    // what the page shows once Chromium has run its scripts
    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    String dom = chromium("--dump-dom", report);
    chromium("--screenshot=" + shot, report);
    assertThat(shot).isNotEmptyFile();
    assertThat(dom).contains("data-charts=\"drawn\"").contains("<canvas"); // the inlined chart library ran, offline
    assertThat(card(dom, "items")).isEqualTo("7");
    assertThat(card(dom, "failed")).isEqualTo(String.valueOf(stages.values().stream().mapToInt(Integer::intValue).sum()));
    assertThat(card(dom, "review-tags")).isEqualTo(String.valueOf(review));
    assertThat(table(dom, "kinds")).isEqualTo(asText(kinds));
    assertThat(table(dom, "labels")).isEqualTo(asText(labels));
    Map<String, String> failures = new HashMap<>();
    table(dom, "failures").forEach((stage, count) -> failures.put(stage, count));
    assertThat(failures).isEqualTo(asText(stages));
    Map<String, String> time = table(dom, "time");
    assertThat(time.keySet()).containsExactlyInAnyOrderElementsOf(millis.keySet());
    millis.forEach((k, v) -> assertThat(Double.parseDouble(time.get(k))).as(k).isCloseTo(v, org.assertj.core.data.Offset.offset(0.15)));
    System.out.printf("report of %d items: %d labels, %d review tags, failures %s; screenshot %s%n", items.size(), labels.size(), review, stages, shot);
  }

  static Map<String, String> asText(Map<String, Integer> counts) {
    Map<String, String> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  /** The first two cells of each row of the table with this id. */
  static Map<String, String> table(String dom, String id) {
    Matcher t = Pattern.compile("<table id=\"" + id + "\">(.*?)</table>", Pattern.DOTALL).matcher(dom);
    assertThat(t.find()).as("table " + id).isTrue();
    Map<String, String> out = new HashMap<>();
    Matcher row = Pattern.compile("<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>").matcher(t.group(1));
    while (row.find()) {
      out.put(unescape(row.group(1)), row.group(2));
    }
    return out;
  }

  static String card(String dom, String name) {
    Matcher m = Pattern.compile("id=\"card-" + name + "\">[^<]*<b>([^<]*)</b>").matcher(dom);
    assertThat(m.find()).as("card " + name).isTrue();
    return m.group(1);
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** Headless Chromium on the page (Debian's chromium; CI installs it). */
  String chromium(String what, Path page) throws Exception {
    String binary = null;
    for (String candidate : List.of("chromium", "chromium-browser", "google-chrome")) {
      if (new ProcessBuilder("sh", "-c", "command -v " + candidate).start().waitFor() == 0) {
        binary = candidate;
        break;
      }
    }
    assertThat(binary).as("a headless Chromium to open the report in (apt-get install chromium)").isNotNull();
    Path out = dir.resolve("chromium.out");
    Process p = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,2400",
        "--user-data-dir=" + dir.resolve("chromium-profile"), what, page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 120 s: " + Files.readString(dir.resolve("chromium.log")));
    }
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
