package dev.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Tagger;
import dev.tagger.cli.watch.CpuLimits;
import dev.tagger.cli.watch.RunWindows;
import dev.tagger.cli.watch.WatchControl;
import dev.tagger.cli.watch.WatchStatus;
import java.time.Clock;
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
 * stdout. It has no hooks: a hook runs inside Stash's save and starting a JVM there cost 1.0 to 1.8 s per
 * new file; the tasks and {@code tagger stash watch} find new items by their lacking {@code AI_tagged}.
 */
public final class StashPlugin {
  static final String PLUGIN_ID = "tagger";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StashPlugin() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setErr(StashLogStream.over(System.err)); // every line Stash's format, a library's log lines too
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
    JsonNode settings = client.execute("PluginConfiguration", Map.of()).path("configuration").path("plugins").path(PLUGIN_ID);
    PathMap paths = PathMap.parse(split(settings.path("pathMap").asText("")));
    StashTagging stash = new StashTagging(client, paths,
        StashSink.Options.DEFAULT.withParentTags(settings.path("parentTags").asBoolean(false))
            .withMaxReviewItems(Math.max(0, settings.path("reviewPerRun").asInt(0)))
            .withCreatePerformers(settings.path("createPerformers").asBoolean(false)))
        .withSceneDetails(settings.path("remoteDetails").asBoolean(false));
    if (mode.equals("reset")) {
      return report("scenes", stash.reset(StashItem.Kind.SCENE)) + "; " + report("images", stash.reset(StashItem.Kind.IMAGE))
          + "; " + report("galleries", stash.reset(StashItem.Kind.GALLERY));
    }
    // what people changed, reviewed or marked wrong is kept in the plugin's folder and applied on every run
    try (FeedbackStore people = FeedbackStore.open(java.nio.file.Path.of(server.path("PluginDir").asText("."), "feedback"))) {
      StashTagging learning = stash.withFeedback(people);
      return switch (mode) {
        case "tag-scenes" -> tag(learning, settings, server, List.of(StashItem.Kind.SCENE), true);
        case "tag-images" -> tag(learning, settings, server, List.of(StashItem.Kind.IMAGE), true);
        case "tag-all" -> tag(learning, settings, server, List.of(StashItem.Kind.SCENE, StashItem.Kind.IMAGE), false);
        case "review" -> report("scenes", learning.review(StashItem.Kind.SCENE)) + "; " + report("images", learning.review(StashItem.Kind.IMAGE));
        case "seed-people" -> seedPeople(stash, settings, server, people);
        default -> throw new IllegalArgumentException("unknown mode '" + mode + "'; known: tag-scenes, tag-images, tag-all, review, seed-people, reset");
      };
    }
  }

  /** The gateway settings as the CLI's options; none unless a gateway URL is set. */
  private static RemoteOptions gateway(JsonNode settings) {
    RemoteOptions remote = new RemoteOptions();
    String url = settings.path("remoteUrl").asText("").strip();
    if (!url.isEmpty()) {
      remote.url = java.net.URI.create(url);
      String model = settings.path("remoteModel").asText("").strip();
      remote.model = model.isEmpty() ? null : model;
      String keyFile = settings.path("remoteKeyFile").asText("").strip();
      remote.keyFile = keyFile.isEmpty() ? null : java.nio.file.Path.of(keyFile);
      remote.rps = settings.path("remoteRps").asDouble(0) > 0 ? settings.path("remoteRps").asDouble() : remote.rps;
      remote.budget = Math.max(0, settings.path("remoteBudget").asInt(0));
    }
    return remote;
  }

  private static String tag(StashTagging stash, JsonNode settings, JsonNode server, List<StashItem.Kind> kinds, boolean onlyUntagged) {
    java.nio.file.Path pluginDir = java.nio.file.Path.of(server.path("PluginDir").asText("."));
    RemoteOptions remote = gateway(settings);
    List<String> chosen = new ArrayList<>(remote.analyzers(split(settings.path("analyzers").asText(Profile.DEFAULT_ANALYZER_LIST))));
    if (settings.path("contentRating").asBoolean(false)) {
      chosen.add(AnalyzerName.RATING.id());
    }
    List<AnalyzerName> names = AnalyzerName.parseAll(chosen);
    String problem = remote.problem(names);
    if (problem != null) {
      throw new IllegalArgumentException("the gateway settings: " + problem);
    }
    double min = settings.path("minConfidence").asDouble(dev.tagger.policy.PolicyOptions.DEFAULT.minConfidence());
    double review = settings.path("reviewFrom").asDouble(dev.tagger.policy.PolicyOptions.DEFAULT.reviewFrom());
    String rules = settings.path("rules").asText("");
    String models = settings.path("models").asText("");
    // the run windows, core limit and priority come before the workers start, which inherit the last two
    RunWindows windows = RunWindows.parse(split(settings.path("runWindows").asText("")));
    int cores = settings.path("maxCores").asInt(0) > 0 ? CpuLimits.limitCores(settings.path("maxCores").asInt()) : Runtime.getRuntime().availableProcessors();
    String priority = settings.path("lowPriority").asBoolean(false) ? CpuLimits.lowPriority() : "normal priority";
    int workers = Math.min(cores, settings.path("workers").asInt(Engine.Isolation.defaultWorkers(cores, Engine.Isolation.RESIDENT_MB)));
    java.nio.file.Path taughtDir = pluginDir.resolve("feedback");
    AnalysisSpec spec = AnalysisSpec.defaults(names.stream().map(AnalyzerName::id).toList(), 1)
        .withModels(models.isBlank() ? null : java.nio.file.Path.of(models))
        .withTaught(taughtDir).withRemote(remote.spec(pluginDir)); // replies kept in the plugin's folder
    StashTeaching.run(stash.client(), stash.paths(), models.isBlank() ? dev.tagger.model.ModelStore.fromEnvironment()
        : new dev.tagger.model.ModelStore(java.nio.file.Path.of(models), dev.tagger.model.ModelStore.fromEnvironment().offline()), taughtDir, line -> log('i', line));
    log('i', "tagging " + (onlyUntagged ? "untagged " : "all ") + kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT) + "s").toList() + " with " + names
        + (workers == 0 ? " in this process" : " in " + workers + " worker processes") + "; " + priority + ", " + cores + " cores, run windows: " + windows
        + "; pause: create " + pluginDir.resolve("pause") + "; Java runtime " + System.getProperty("java.home"));
    boolean subtitles = !settings.path("noSubtitles").asBoolean(false);
    try (Engine engine = Engine.open(spec, new Engine.Isolation(Math.max(0, workers), Engine.Isolation.HEAP_MB, Engine.Isolation.RESIDENT_MB));
        PeopleStore people = names.contains(AnalyzerName.PEOPLE) ? PeopleStore.open(taughtDir, PeopleStore.Settings.DEFAULT) : null) {
      dev.tagger.rules.RuleChain ruleFile = rules.isBlank() ? null : dev.tagger.rules.RuleFile.load(java.nio.file.Path.of(rules));
      java.util.function.Supplier<Tagger.Builder> builders = () -> Profile.stash(engine, Profile.policy(min, review), cores, ruleFile, people, subtitles);
      WatchControl control = new WatchControl(windows, pluginDir.resolve("pause"), Clock.systemDefaultZone());
      WatchStatus status = WatchStatus.open(pluginDir.resolve("status.json"), windows, Clock.systemDefaultZone());
      double[] shown = {-1};
      StashDrain.Pass pass = new StashDrain(stash, builders, control, status).drain(kinds, onlyUntagged, null, share -> {
        synchronized (shown) {
          if (share > shown[0]) { // from the tagger's threads: never backwards
            shown[0] = share;
            log('p', String.format(Locale.ROOT, "%.3f", share));
          }
        }
      });
      status.state(WatchStatus.State.STOPPED);
      status.close();
      String text = String.format(Locale.ROOT, "%s: %d items, %d tagged, %d failed, %d markers",
          String.join(" and ", kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT) + "s").toList()), pass.items(), pass.written(), pass.failed(), pass.markers());
      log('i', text);
      return text;
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
