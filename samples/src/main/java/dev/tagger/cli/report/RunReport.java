package dev.tagger.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run did, gathered from each item's result, and written when the run closes it: items by kind
 * and outcome, items per second, where the analysis spent its time (per analyzer and decoding, each with
 * its share), the 50 labels applied to most items, the review queue, failures by stage with examples, the
 * models seen in the tags, and the run's settings. {@code .json} writes the numbers; {@code .html} a
 * self-contained page with the same numbers in tables and charts. Thread-safe.
 */
public final class RunReport implements TagSink {
  static final int TOP_LABELS = 50;
  static final int EXAMPLES = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path target;
  private final Map<String, Object> settings;
  private final Instant started = Instant.now();
  private final long startNanos = System.nanoTime();
  private final Map<String, Integer> kinds = new TreeMap<>();
  private final Map<String, Integer> outcomes = new LinkedHashMap<>(Map.of("tagged", 0, "cached", 0, "failed", 0));
  private final Map<String, Double> millis = new TreeMap<>();
  private final Map<String, Integer> labels = new TreeMap<>();
  private final Map<String, List<ObjectNode>> failures = new TreeMap<>();
  private final Map<String, Integer> failuresByStage = new TreeMap<>();
  private final TreeSet<String> models = new TreeSet<>();
  /** What remote analyzers spent, by analyzer and counter, and the items they could not look at, by analyzer and why. */
  private final Map<String, Map<String, Long>> remote = new TreeMap<>();
  private int items;
  private int reviewTags;
  private int reviewItems;
  private boolean written;

  /**
   * A report written to {@code target} on {@link #close()}; its name must end in {@code .html} or
   * {@code .json}.
   */
  public RunReport(Path target, Map<String, Object> settings) {
    if (!isReportName(target)) {
      throw new IllegalArgumentException("--report " + target + ": the name must end in .html or .json");
    }
    this.target = target;
    this.settings = new LinkedHashMap<>(settings);
  }

  public static boolean isReportName(Path target) {
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".json");
  }

  @Override
  public synchronized void accept(TagResult r) {
    items++;
    kinds.merge(r.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    outcomes.merge(r.error() != null ? "failed" : r.fromCache() ? "cached" : "tagged", 1, Integer::sum);
    r.analyzerMillis().forEach((k, v) -> millis.merge(k, v, Double::sum));
    r.usage().forEach((k, v) -> {
      int dot = k.lastIndexOf('.');
      remote.computeIfAbsent(k.substring(0, Math.max(0, dot)), a -> new TreeMap<>()).merge(k.substring(dot + 1), v, Long::sum);
    });
    for (String gap : r.partial()) { // "remote-vision (gateway unreachable)": an item that went on without it
      int open = gap.indexOf(" (");
      if (open > 0 && gap.startsWith("remote-")) {
        remote.computeIfAbsent(gap.substring(0, open), a -> new TreeMap<>()).merge("items_without", 1L, Long::sum);
      }
    }
    r.tags().stream().map(Tag::name).distinct().forEach(l -> labels.merge(l, 1, Integer::sum));
    if (!r.review().isEmpty()) {
      reviewTags += r.review().size();
      reviewItems++;
    }
    for (Tag t : r.tags()) {
      models.add(model(t.source()));
    }
    for (Tag t : r.review()) {
      models.add(model(t.source()));
    }
    if (r.error() != null) {
      failuresByStage.merge(r.error().stage(), 1, Integer::sum);
      List<ObjectNode> examples = failures.computeIfAbsent(r.error().stage(), s -> new ArrayList<>());
      if (examples.size() < EXAMPLES) {
        examples.add(JSON.createObjectNode().put("item", r.path()).put("message", r.error().message()));
      }
    }
  }

  private static String model(Source s) {
    return s.analyzer() + "\t" + s.model() + "\t" + s.version();
  }

  /** The report's numbers as they stand. */
  public synchronized ObjectNode toJson() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    ObjectNode root = JSON.createObjectNode();
    ObjectNode run = root.putObject("run");
    run.put("started", started.toString());
    run.put("seconds", Math.round(seconds * 100) / 100.0);
    run.put("items", items);
    run.put("items_per_second", seconds > 0 ? Math.round(items / seconds * 1000) / 1000.0 : 0);
    root.set("items_by_kind", JSON.valueToTree(kinds));
    root.set("outcomes", JSON.valueToTree(outcomes));
    double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
    ArrayNode time = root.putArray("analyzer_time");
    millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> time.addObject()
        .put("analyzer", e.getKey()).put("ms", Math.round(e.getValue() * 10) / 10.0).put("share", total > 0 ? Math.round(e.getValue() / total * 1000) / 1000.0 : 0));
    ArrayNode top = root.putArray("top_labels");
    labels.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_LABELS).forEach(e -> top.addObject().put("label", e.getKey()).put("items", e.getValue()));
    root.putObject("review_queue").put("tags", reviewTags).put("items", reviewItems);
    ArrayNode failed = root.putArray("failures");
    failuresByStage.forEach((stage, n) -> {
      ObjectNode f = failed.addObject().put("stage", stage).put("count", n);
      failures.get(stage).forEach(f.putArray("examples")::add);
    });
    ArrayNode used = root.putArray("models");
    models.forEach(m -> {
      String[] f = m.split("\t", 3);
      used.addObject().put("analyzer", f[0]).put("model", f[1]).put("version", f[2]);
    });
    ObjectNode gateway = root.putObject("gateway");
    remote.forEach((analyzer, counts) -> {
      ObjectNode g = gateway.putObject(analyzer);
      for (String c : List.of("requests", "tokens_in", "tokens_out", "failures", "cached", "items_without")) {
        g.put(c, counts.getOrDefault(c, 0L));
      }
    });
    root.set("settings", JSON.valueToTree(settings));
    return root;
  }

  /** Writes the report (once; a second close does nothing). */
  @Override
  public synchronized void close() {
    if (written) {
      return;
    }
    written = true;
    ObjectNode report = toJson();
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      String text = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
          ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n" : ReportHtml.render(report);
      Path tmp = parent.resolve("." + target.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run report " + target + ": " + e.getMessage(), e);
    }
  }
}
