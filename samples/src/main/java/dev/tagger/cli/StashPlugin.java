package dev.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Tagger;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.people.PeopleStore;
import dev.tagger.stash.PathMap;
import dev.tagger.stash.StashClient;
import dev.tagger.stash.StashConnection;
import dev.tagger.stash.StashItem;
import dev.tagger.stash.StashSink;
import dev.tagger.stash.StashTagging;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Stash plugin's entry point (raw interface): reads Stash's JSON from stdin, does the task or hook
 * named in {@code args.mode}, logs and reports progress on stderr in Stash's format ({@code \x01} level
 * {@code \x02} text; level {@code p} carries progress 0..1), and writes only {@code {"output", "error"}} to
 * stdout. Hooks only queue the new item and exit: they run inside Stash's save.
 */
public final class StashPlugin {
  static final String PLUGIN_ID = "tagger";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StashPlugin() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // nothing but the result may reach stdout
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      JsonNode input = JSON.readTree(System.in);
      result.put("output", run(input));
      result.put("error", null);
    } catch (Exception e) {
      log('e', e.getMessage() == null ? e.toString() : e.getMessage());
      result.put("output", null);
      result.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    out.println(JSON.writeValueAsString(result));
    out.flush();
    System.exit(0);
  }

  static void log(char level, String text) {
    System.err.print("\u0001" + level + "\u0002" + text.replace('\n', ' ') + "\n");
    System.err.flush();
  }

  static String run(JsonNode input) {
    JsonNode server = input.path("server_connection");
    String url = server.path("Scheme").asText("http") + "://" + host(server.path("Host").asText("localhost")) + ":" + server.path("Port").asInt(9999);
    JsonNode cookie = server.path("SessionCookie");
    StashConnection connection = StashConnection.of(url, System.getenv("STASH_API_KEY"));
    if (cookie.hasNonNull("Name") && cookie.hasNonNull("Value")) {
      connection = connection.withSessionCookie(cookie.path("Name").asText() + "=" + cookie.path("Value").asText());
    }
    StashClient client = new StashClient(connection);
    JsonNode args = input.path("args");
    String mode = args.path("mode").asText("");
    JsonNode hook = args.path("hookContext");
    if (mode.equals("queue") || !hook.isMissingNode() && !hook.isNull()) {
      // A hook runs inside Stash's save: mark the item and return, nothing more.
      StashItem.Kind kind = hook.path("type").asText("").startsWith("Image") ? StashItem.Kind.IMAGE : StashItem.Kind.SCENE;
      new StashTagging(client, PathMap.parse(List.of()), StashSink.Options.DEFAULT).queue(kind, hook.path("id").asText());
      return "queued " + kind.name().toLowerCase(Locale.ROOT) + " " + hook.path("id").asText() + " for tagging";
    }
    JsonNode settings = client.execute("PluginConfiguration", Map.of()).path("configuration").path("plugins").path(PLUGIN_ID);
    PathMap paths = PathMap.parse(split(settings.path("pathMap").asText("")));
    StashTagging stash = new StashTagging(client, paths,
        StashSink.Options.DEFAULT.withParentTags(settings.path("parentTags").asBoolean(false))
            .withMaxReviewItems(Math.max(0, settings.path("reviewPerRun").asInt(0)))
            .withCreatePerformers(settings.path("createPerformers").asBoolean(false)));
    if (mode.equals("reset")) {
      return report("scenes", stash.reset(StashItem.Kind.SCENE)) + "; " + report("images", stash.reset(StashItem.Kind.IMAGE))
          + "; " + report("galleries", stash.reset(StashItem.Kind.GALLERY));
    }
    // what people changed, reviewed or marked wrong is kept in the plugin's folder and applied on every run
    try (FeedbackStore people = FeedbackStore.open(java.nio.file.Path.of(server.path("PluginDir").asText("."), "feedback"))) {
      StashTagging learning = stash.withFeedback(people);
      return switch (mode) {
        case "tag-scenes" -> tag(learning, settings, server, StashItem.Kind.SCENE, true);
        case "tag-images" -> tag(learning, settings, server, StashItem.Kind.IMAGE, true);
        case "tag-all" -> tag(learning, settings, server, StashItem.Kind.SCENE, false) + "; " + tag(learning, settings, server, StashItem.Kind.IMAGE, false);
        case "review" -> report("scenes", learning.review(StashItem.Kind.SCENE)) + "; " + report("images", learning.review(StashItem.Kind.IMAGE));
        case "seed-people" -> seedPeople(stash, settings, server, people);
        default -> throw new IllegalArgumentException("unknown mode '" + mode + "'; known: tag-scenes, tag-images, tag-all, review, seed-people, reset, queue");
      };
    }
  }

  private static String tag(StashTagging stash, JsonNode settings, JsonNode server, StashItem.Kind kind, boolean onlyUntagged) {
    List<AnalyzerName> names = AnalyzerName.parseAll(split(settings.path("analyzers").asText(Profile.DEFAULT_ANALYZER_LIST)));
    double min = settings.path("minConfidence").asDouble(dev.tagger.policy.PolicyOptions.DEFAULT.minConfidence());
    double review = settings.path("reviewFrom").asDouble(dev.tagger.policy.PolicyOptions.DEFAULT.reviewFrom());
    String rules = settings.path("rules").asText("");
    String models = settings.path("models").asText("");
    int cores = Runtime.getRuntime().availableProcessors();
    int workers = settings.path("workers").asInt(Engine.Isolation.defaultWorkers(cores, Engine.Isolation.RESIDENT_MB));
    AnalysisSpec spec = AnalysisSpec.defaults(names.stream().map(AnalyzerName::id).toList(), 1)
        .withModels(models.isBlank() ? null : java.nio.file.Path.of(models))
        .withTaught(java.nio.file.Path.of(server.path("PluginDir").asText("."), "feedback"));
    java.nio.file.Path taughtDir = java.nio.file.Path.of(server.path("PluginDir").asText("."), "feedback");
    StashTeaching.run(stash.client(), stash.paths(), models.isBlank() ? dev.tagger.model.ModelStore.fromEnvironment()
        : new dev.tagger.model.ModelStore(java.nio.file.Path.of(models), dev.tagger.model.ModelStore.fromEnvironment().offline()), taughtDir, line -> log('i', line));
    log('i', "tagging " + (onlyUntagged ? "untagged " : "all ") + kind.name().toLowerCase(Locale.ROOT) + "s with " + names
        + (workers == 0 ? " in this process" : " in " + workers + " worker processes"));
    try (Engine engine = Engine.open(spec, new Engine.Isolation(Math.max(0, workers), Engine.Isolation.HEAP_MB, Engine.Isolation.RESIDENT_MB));
        PeopleStore people = names.contains(AnalyzerName.PEOPLE) ? PeopleStore.open(taughtDir, PeopleStore.Settings.DEFAULT) : null) {
      Tagger.Builder builder = Profile.engine(engine, Profile.policy(min, review), true).parallelism(cores)
          .progressListener(p -> log('p', String.format(Locale.ROOT, "%.3f", p.fraction())));
      if (people != null) {
        builder.people(people);
      }
      if (!rules.isBlank()) {
        builder.rules(dev.tagger.rules.RuleFile.load(java.nio.file.Path.of(rules)));
      }
      return report(kind.name().toLowerCase(Locale.ROOT) + "s", stash.tag(builder, kind, onlyUntagged, null));
    }
  }

  /** The performers Stash knows, seeded into the people store in the plugin's folder. */
  private static String seedPeople(StashTagging stash, JsonNode settings, JsonNode server, FeedbackStore feedback) {
    java.nio.file.Path dir = java.nio.file.Path.of(server.path("PluginDir").asText("."), "feedback");
    String models = settings.path("models").asText("");
    AnalysisSpec spec = AnalysisSpec.defaults(List.of(AnalyzerName.PEOPLE.id()), 1).withModels(models.isBlank() ? null : java.nio.file.Path.of(models));
    try (Engine engine = Engine.open(spec, Engine.Isolation.IN_PROCESS); PeopleStore people = PeopleStore.open(dir, PeopleStore.Settings.DEFAULT)) {
      StashPeopleSeed.Report r = StashPeopleSeed.run(stash.client(), stash.paths(), engine, people, feedback, dir, line -> log('w', line));
      String text = String.format(Locale.ROOT, "people seeded from %d performers: %d pictures, %d named, %d left out", r.performers(), r.pictures(),
          r.named(), r.refused());
      log('i', text);
      return text;
    }
  }

  private static String report(String what, StashTagging.Report r) {
    String text = String.format(Locale.ROOT, "%s: %d items, %d tagged, %d failed, %d markers", what, r.items(), r.written(), r.failed(), r.markers());
    log('i', text);
    return text;
  }

  private static String host(String host) {
    return host.isBlank() || host.equals("0.0.0.0") ? "localhost" : host;
  }

  private static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    Arrays.stream(list.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }
}
