package dev.tagger.cli;

import dev.tagger.Tagger;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.model.ModelStore;
import dev.tagger.people.PeopleStore;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.store.FileResultStore;
import dev.tagger.stash.PathMap;
import dev.tagger.stash.StashClient;
import dev.tagger.stash.StashConnection;
import dev.tagger.stash.StashException;
import dev.tagger.stash.StashItem;
import dev.tagger.stash.StashLibrary;
import dev.tagger.stash.StashSink;
import dev.tagger.stash.StashTagging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagger stash tag|review|reset|people seed}: tags the scenes and images of a Stash library (only those not
 * tagged yet, unless {@code --all}), applies what people reviewed, removes every AI tag and marker,
 * leaving a person's tags, or names people in the people store after the performers Stash knows.
 */
@Command(name = "stash", mixinStandardHelpOptions = true, description = "Tag a Stash library (once, or as a worker that keeps up with it), or remove our tags from it.")
final class StashCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "tag, watch (tag what is new or in AI_queue, again and again, until stopped), search (WHAT: the query; needs --cache), review (apply what people reviewed), reset, or people seed (name people after Stash's performers)")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "WHAT", description = "With 'people': seed. With 'search': the query.")
  String what;

  @Option(names = "--create-performers", description = "With the people analyzer: create a performer for a named person Stash has none for (default: off; such a person is left out of Stash).")
  boolean createPerformers;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "Stash, e.g. http://localhost:9999")
  String url;

  @Option(names = "--api-key", paramLabel = "KEY", description = "Stash API key (default: $STASH_API_KEY).")
  String apiKey = System.getenv("STASH_API_KEY");

  @Option(names = "--scenes", description = "Only scenes.")
  boolean scenesOnly;

  @Option(names = "--images", description = "Only images.")
  boolean imagesOnly;

  @Option(names = "--all", description = "Tag every item again, not only those not tagged yet.")
  boolean all;

  @Option(names = "--path", paramLabel = "PREFIX", description = "Only items whose Stash path starts with this.")
  String pathPrefix;

  @Option(names = "--with-tag", paramLabel = "NAME", description = "Only items carrying this tag (or one of its children).")
  String withTag;

  @Option(names = "--path-map", paramLabel = "FROM=TO", description = "Stash's path prefix FROM is TO here. Repeatable.")
  List<String> pathMap = new ArrayList<>();

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME", description = "Analyzers, as for 'tagger tag' (default: ${DEFAULT-VALUE}).")
  List<String> analyzers = List.of(Profile.DEFAULT_ANALYZER_LIST.split(","));

  @Option(names = "--min-confidence", paramLabel = "P", description = "Apply a tag when a person accepts it with at least this probability (calibrated; default: ${DEFAULT-VALUE}).")
  double minConfidence = dev.tagger.policy.PolicyOptions.DEFAULT.minConfidence();

  @Option(names = "--review-from", paramLabel = "P", description = "Tags from this calibrated confidence up to --min-confidence go on as label_AI_review (default: ${DEFAULT-VALUE}).")
  double reviewFrom = dev.tagger.policy.PolicyOptions.DEFAULT.reviewFrom();

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (YAML or JSON), applied after the vocabularies.")
  Path rules;

  @Option(names = "--models", paramLabel = "DIR", description = "Model store folder (default: $TAGGER_MODELS, else ~/.cache/tagger/models).")
  Path models;

  @Option(names = "--parallel", paramLabel = "N", description = "Items tagged at once (default: number of cores).")
  int parallel = Runtime.getRuntime().availableProcessors();

  @Option(names = "--interval", paramLabel = "SECONDS", description = "Video sampling interval (default: ${DEFAULT-VALUE}).")
  double interval = 2.0;

  @Option(names = "--cache", paramLabel = "DIR", description = "Result store folder: items analyzed before are not analyzed again (default: none).")
  Path cache;

  @Option(names = "--feedback", paramLabel = "DIR", description = "The feedback store: what people changed in Stash, their review answers and AI_wrong marks are recorded there, and tagging applies them (default: ${DEFAULT-VALUE}).")
  Path feedback = TagCommand.DEFAULT_CACHE;

  @Option(names = "--marker-min", paramLabel = "SECONDS", description = "Shortest segment that becomes a scene marker (default: ${DEFAULT-VALUE}).")
  double markerMin = 1.0;

  @Option(names = "--marker-min-for", paramLabel = "TAG=SECONDS", description = "Shortest marker for one tag, e.g. speech=5. Repeatable.")
  java.util.Map<String, Double> markerMinFor = new java.util.HashMap<>();

  @Option(names = "--marker-gap", paramLabel = "SECONDS", description = "A tag's segments closer than this become one marker (default: ${DEFAULT-VALUE}).")
  double markerGap = 0.0;

  @Option(names = "--marker-gap-for", paramLabel = "TAG=SECONDS", description = "Merge gap for one tag. Repeatable.")
  java.util.Map<String, Double> markerGapFor = new java.util.HashMap<>();

  @Option(names = "--parent-tags", description = "Also file each AI tag under its parent in the hierarchy (malamute_AI under dog_AI under animal_AI); all stay under AI.")
  boolean parentTags;

  @Option(names = "--review-per-run", paramLabel = "N", description = "At most N items of a run get review tags, those whose answers teach the most (default: ${DEFAULT-VALUE}: all).")
  int reviewPerRun = 0;

  @Option(names = "--no-subtitles", description = "Write no subtitles. By default a scene's transcript goes beside its video as "
      + "VIDEO.LANG.srt and .vtt (through --path-map), which Stash shows as captions after its next scan; one a person made is never overwritten.")
  boolean noSubtitles;

  @Option(names = "--no-index", description = "With --cache: keep no search index beside it (by default 'stash search' can then find the items).")
  boolean noIndex;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a run report at the end (with 'watch': when it stops): "
      + "FILE.html, one self-contained page with charts, or FILE.json.")
  Path report;

  @Option(names = "--batch", paramLabel = "N", description = "Items per bulk update (default: ${DEFAULT-VALUE}).")
  int batch = 50;

  @picocli.CommandLine.Mixin
  WorkerOptions workerOptions = new WorkerOptions();

  @picocli.CommandLine.Mixin
  WatchOptions watch = new WatchOptions();

  @picocli.CommandLine.Mixin
  RemoteOptions remote = new RemoteOptions();

  @Option(names = "--remote-details", description = "Write a remote model's caption or summary as a scene's details where "
      + "the scene has none (never over a person's).")
  boolean remoteDetails;

  @Override
  public Integer call() {
    if (report != null && !dev.tagger.cli.report.RunReport.isReportName(report)) {
      System.err.println("tagger stash: --report " + report + ": the name must end in .html or .json");
      return 2;
    }
    if (action.equals("watch") && (all || withTag != null)) {
      System.err.println("tagger stash watch: --all and --with-tag do not apply to watch (it takes what is new or in AI_queue)");
      return 2;
    }
    if (!action.equals("watch") && watch.isSet()) {
      System.err.println("tagger stash " + action + ": --window, --max-cores, --no-low-priority, --pause-file, --state, --status, --metrics and --poll "
          + "apply to 'stash watch' only");
      return 2;
    }
    if (action.equals("search")) {
      return search();
    }
    if (!List.of("tag", "watch", "review", "reset", "people").contains(action) || action.equals("people") != "seed".equals(what)) {
      System.err.println("tagger stash: ACTION must be tag, watch, review, reset or people seed, got '" + action + (what == null ? "" : " " + what) + "'");
      return 2;
    }
    String remoteProblem = remote.problem(AnalyzerName.parseAll(remote.analyzers(analyzers)));
    if (remoteProblem != null) {
      System.err.println("tagger stash " + action + ": " + remoteProblem);
      return 2;
    }
    List<String> analyzers = remote.analyzers(this.analyzers);
    List<StashItem.Kind> kinds = scenesOnly ? List.of(StashItem.Kind.SCENE) : imagesOnly ? List.of(StashItem.Kind.IMAGE)
        : List.of(StashItem.Kind.SCENE, StashItem.Kind.IMAGE);
    try {
      StashClient client = new StashClient(StashConnection.of(url, apiKey));
      StashTagging stash = new StashTagging(client, PathMap.parse(pathMap), new StashSink.Options(batch, markerMin, markerGap, markerMinFor, markerGapFor, parentTags)
          .withMaxReviewItems(reviewPerRun).withCreatePerformers(createPerformers)).withSceneDetails(remoteDetails);
      Path peopleDir = cache != null ? cache : feedback; // the people store lives beside the result store
      if (action.equals("review")) {
        try (FeedbackStore people = FeedbackStore.open(feedback)) {
          for (StashItem.Kind kind : kinds) {
            report(kind, stash.withFeedback(people).review(kind));
          }
        }
        return 0;
      }
      if (action.equals("reset")) {
        for (StashItem.Kind kind : kinds) {
          report(kind, stash.reset(kind));
        }
        if (kinds.contains(StashItem.Kind.IMAGE)) {
          report(StashItem.Kind.GALLERY, stash.reset(StashItem.Kind.GALLERY));
        }
        return 0;
      }
      int cores = Runtime.getRuntime().availableProcessors();
      if (action.equals("people")) {
        AnalysisSpec spec = AnalysisSpec.defaults(List.of(AnalyzerName.PEOPLE.id()), Math.max(1, cores / parallel)).withModels(models).withDecoderThreads(0);
        try (Engine engine = Engine.open(spec, Engine.Isolation.IN_PROCESS);
            PeopleStore people = PeopleStore.open(peopleDir, PeopleStore.Settings.DEFAULT);
            FeedbackStore said = FeedbackStore.open(feedback)) {
          StashPeopleSeed.Report r = StashPeopleSeed.run(client, PathMap.parse(pathMap), engine, people, said, peopleDir,
              line -> System.err.println("tagger stash: " + line));
          System.out.printf(Locale.ROOT, "people seeded from %d performers: %d pictures, %d named, %d left out%n", r.performers(), r.pictures(),
              r.named(), r.refused());
        }
        return 0;
      }
      boolean withPeople = AnalyzerName.parseAll(analyzers).contains(AnalyzerName.PEOPLE);
      ModelStore modelStore = models != null ? new ModelStore(models, ModelStore.fromEnvironment().offline()) : ModelStore.fromEnvironment();
      StashTeaching.run(client, PathMap.parse(pathMap), modelStore, feedback, line -> System.err.println("tagger stash: " + line));
      dev.tagger.rules.RuleChain ruleChain = rules == null ? null : dev.tagger.rules.RuleFile.load(rules); // once: an edit mid-run cannot stop a worker
      // the priority and core limit come before the worker processes start, which inherit them
      WatchOptions.Worker worker = action.equals("watch") ? watch.start("stash-watch", 30, java.time.Duration.ofMinutes(11)) : null;
      if (worker != null) {
        parallel = Math.min(parallel, worker.cores());
        cores = worker.cores();
        System.err.println("tagger stash watch: watching " + url + " (" + worker.limits() + "; run windows: " + worker.control().windows() + ")");
      }
      AnalysisSpec spec = AnalysisSpec.defaults(analyzers, Math.max(1, cores / parallel)).withModels(models).withDecoderThreads(0)
          .withSampling(new SamplingPolicy(SamplingPolicy.Mode.INTERVAL, interval, 100, 0.3)).withTaught(feedback).withRemote(remote.spec(cache));
      int failed = 0;
      try (Engine engine = Engine.open(spec, workerOptions.isolation(parallel));
          dev.tagger.cli.report.RunReport runReport = report == null ? null
              : new dev.tagger.cli.report.RunReport(report, java.util.Map.of("command", "stash " + action, "url", url, "analyzers", String.join(",", analyzers),
                  "policy", "min confidence " + minConfidence + ", review from " + reviewFrom, "parallel", parallel));
          FileResultStore results = cache == null ? null : FileResultStore.open(cache);
          SearchStore searchStore = cache == null || noIndex ? null : SearchStore.open(cache, 1);
          FeedbackStore said = FeedbackStore.open(feedback);
          PeopleStore people = withPeople ? PeopleStore.open(peopleDir, PeopleStore.Settings.DEFAULT) : null) {
        StashTagging learning = stash.withFeedback(said);
        java.util.function.Supplier<Tagger.Builder> builders = () -> {
          Tagger.Builder builder = Profile.stash(engine, Profile.policy(minConfidence, reviewFrom), parallel, ruleChain, people, !noSubtitles);
          if (results != null) {
            builder.resultStore(results);
          }
          if (searchStore != null) {
            builder.sink(new dev.tagger.search.SearchIndexSink(searchStore.index()));
          }
          if (runReport != null) {
            builder.sink(runReport);
          }
          if (worker != null) {
            worker.metricsSink().ifPresent(builder::sink);
          }
          return builder;
        };
        if (worker != null) {
          watch(new StashDrain(learning, builders, worker.control(), worker.status()), kinds, worker);
          return 0;
        }
        for (StashItem.Kind kind : kinds) {
          StashTagging.Report r = learning.tag(builders.get(), kind, !all, pathPrefix, withTag);
          report(kind, r);
          failed += r.failed();
        }
      } finally {
        if (worker != null) {
          worker.close();
        }
      }
      return failed == 0 ? 0 : 1;
    } catch (dev.tagger.TaggerException | IllegalArgumentException e) {
      System.err.println("tagger stash: " + e.getMessage());
      return 3;
    }
  }

  /** Drains the library again and again until stopped; Stash being away is waited out, not fatal. */
  private void watch(StashDrain drain, List<StashItem.Kind> kinds, WatchOptions.Worker worker) {
    while (!worker.control().stopping()) {
      try {
        StashDrain.Pass pass = drain.drain(kinds, true, pathPrefix, share -> {});
        if (pass.items() > 0) {
          System.out.printf(Locale.ROOT, "%d items, %d written, %d failed, %d markers%n", pass.items(), pass.written(), pass.failed(), pass.markers());
        }
      } catch (StashException e) {
        System.err.println("tagger stash watch: " + e.getMessage() + "; trying again in " + worker.poll().toSeconds() + " s");
        worker.status().error(e.getMessage());
      }
      if (!worker.control().stopping()) {
        worker.status().state(worker.control().paused() ? dev.tagger.cli.watch.WatchStatus.State.PAUSED : dev.tagger.cli.watch.WatchStatus.State.IDLE);
      }
      worker.control().sleep(worker.poll());
    }
    worker.status().state(dev.tagger.cli.watch.WatchStatus.State.STOPPED);
  }

  /** {@code stash search QUERY --cache DIR}: the scenes and images tagged with that cache that match, as ids and links. */
  private int search() {
    if (what == null || what.isBlank() || cache == null) {
      System.err.println("tagger stash search: give the QUERY and the --cache the library was tagged with (stash tag --cache DIR)");
      return 2;
    }
    if (!java.nio.file.Files.isDirectory(cache.resolve("search"))) {
      System.err.println("tagger stash search: no search index in " + cache + "; run 'tagger stash tag --cache " + cache + "' first");
      return 3;
    }
    PathMap paths = PathMap.parse(pathMap);
    StashLibrary library = new StashLibrary(new StashClient(StashConnection.of(url, apiKey)), 25);
    try (SearchStore store = SearchStore.openToSearch(cache)) {
      String kind = scenesOnly ? "video" : imagesOnly ? "image" : null;
      for (dev.tagger.search.SearchIndex.Hit h : store.index().search(new dev.tagger.search.SearchIndex.Query(what, kind, null, null, 10,
          dev.tagger.search.SearchIndex.Mode.HYBRID))) {
        StashItem.Kind stashKind = h.kind().equals("image") ? StashItem.Kind.IMAGE : StashItem.Kind.SCENE;
        String stashPath = paths.toStash(h.path());
        StashItem item = library.list(stashKind, new StashLibrary.Filter(null, stashPath, null)).stream()
            .filter(i -> stashPath.equals(i.path())).findFirst().orElse(null); // the path filter is a substring match: confirm it
        String link = item == null ? "(not in Stash)" : url.replaceAll("/+$", "") + (stashKind == StashItem.Kind.IMAGE ? "/images/" : "/scenes/")
            + item.id() + (h.start() != null && stashKind == StashItem.Kind.SCENE ? "?t=" + (long) Math.floor(h.start()) : "");
        System.out.printf(Locale.ROOT, "%s %s  %s%n    %s: %s%n", stashKind.name().toLowerCase(Locale.ROOT), item == null ? "?" : item.id(), link,
            h.source(), h.passage().replaceAll("\\s*\\n\\s*", " / "));
      }
      return 0;
    } catch (dev.tagger.TaggerException e) {
      System.err.println("tagger stash search: " + e.getMessage());
      return 3;
    }
  }

  private static void report(StashItem.Kind kind, StashTagging.Report r) {
    System.out.printf(Locale.ROOT, "%ss: %d items, %d written, %d failed, %d markers, %d requests (%.2f per item), %.1f s%n",
        kind.name().toLowerCase(Locale.ROOT), r.items(), r.written(), r.failed(), r.markers(), r.requests(),
        r.items() == 0 ? 0.0 : r.requests() / (double) r.items(), r.seconds());
  }
}
