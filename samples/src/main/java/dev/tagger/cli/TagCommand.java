package dev.tagger.cli;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.ProgressListener;
import dev.tagger.Tagger;
import dev.tagger.TaggerException;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.WrittenTagsSink;
import dev.tagger.people.PeopleStore;
import dev.tagger.rules.RuleFile;
import dev.tagger.sink.JsonLinesSink;
import dev.tagger.sink.SubtitleSink;
import dev.tagger.sink.XmpSidecarSink;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.store.FileResultStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagger tag}: tags files and folders, one JSON line per item on stdout. */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = {"Tags media files and folders; prints one JSON line per item.",
        "Exit code: 0 every item tagged, 1 some items failed, 2 usage error, 3 cannot start (e.g. a model is missing)."})
class TagCommand implements Callable<Integer> {
  static final int CANNOT_START = 3;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (walked recursively).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (YAML or JSON).")
  Path rules;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON lines to this file.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a run report at the end: FILE.html (one self-contained page "
      + "with charts) or FILE.json: items by kind, time per analyzer, items per second, the labels applied most, failures by stage, "
      + "the review queue, models and settings.")
  Path report;

  @Option(names = "--xmp", description = "Write or merge an XMP sidecar (PHOTO.EXT.xmp) beside each tagged file.")
  boolean xmp;

  @Option(names = "--no-subtitles", description = "Write no subtitles. By default a video with speech gets its transcript as "
      + "VIDEO.LANG.srt and VIDEO.LANG.vtt beside it, which Stash and players show as captions; a subtitle a person made is never overwritten.")
  boolean noSubtitles;

  @Option(names = "--cache", paramLabel = "DIR", description = "Result store folder; re-runs skip unchanged items (default: ${DEFAULT-VALUE}).")
  Path cache = DEFAULT_CACHE;

  /** The result store folder, where the feedback store lives too. */
  static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "tagger", "results");

  @Option(names = "--no-index", description = "Keep no search index (by default the items' texts and tags go into one beside the "
      + "result store, for 'tagger search').")
  boolean noIndex;

  @Option(names = "--no-cache", description = "Analyze every item again and remember nothing (people's corrections in the cache folder are not applied either).")
  boolean noCache;

  @Option(names = "--models", paramLabel = "DIR", description = "Model store folder (default: $TAGGER_MODELS, else ~/.cache/tagger/models).")
  Path models;

  @Option(names = "--parallel", paramLabel = "N", description = "Items tagged at once (default: number of cores).")
  int parallel = Runtime.getRuntime().availableProcessors();

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest time one item may take (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 600;

  @Option(names = "--ocr-time-limit", paramLabel = "SECONDS", description = "Longest time OCR may read one item; frames not reached are skipped (default: ${DEFAULT-VALUE}).")
  double ocrTimeLimitSeconds = 60;

  @Option(names = "--speech-model", paramLabel = "DIR", description = "A Vosk model folder for speech (another language, the large English model) instead of the small English one.")
  Path speechModel;

  @Option(names = "--top", paramLabel = "K", description = "Classes reported per image or frame (default: ${DEFAULT-VALUE}).")
  int top = 5;

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME",
      description = "Analyzers to run: classifier, objects, faces, speech, sounds, keywords, language, dates, countries, ocr (Tesseract), ppocr (PP-OCRv4); ocr and ppocr together merge their readings; people (who the faces are, kept beside the cache), age-gender (age range and apparent gender estimated from faces), rating (rating: explicit, rating: suggestive, drawing); none of these three is ever on by default; remote-vision and remote-text (a gateway's larger models, with --remote-url) (default: all but those, plus the remote two when --remote-url is given).")
  List<String> analyzers = List.of(Profile.DEFAULT_ANALYZER_LIST.split(","));

  @Option(names = "--min-confidence", paramLabel = "P", description = "Apply a tag when a person accepts it with at least this probability (calibrated; default: ${DEFAULT-VALUE}).")
  double minConfidence = dev.tagger.policy.PolicyOptions.DEFAULT.minConfidence();

  @Option(names = "--review-from", paramLabel = "P", description = "Tags from this calibrated confidence up to --min-confidence go to the review list (default: ${DEFAULT-VALUE}).")
  double reviewFrom = dev.tagger.policy.PolicyOptions.DEFAULT.reviewFrom();

  @Option(names = "--raw", description = "No tag policy: every tag as the analyzers gave it (uncalibrated, no review band).")
  boolean raw;

  @Option(names = "--entities", paramLabel = "TYPE=FILE", description = "A list of names of one type to tag in texts, e.g. person=family.txt (one name a line, other names after |). Repeatable.")
  java.util.Map<String, Path> entityLists = new java.util.LinkedHashMap<>();

  @Option(names = "--name-finder", paramLabel = "FILE.bin", description = "An OpenNLP name-finder model of your own for entities in texts.")
  Path nameFinder;

  @Option(names = "--vocabulary", paramLabel = "FILE", description = "Rules applied before --rules instead of the bundled vision and sound vocabularies.")
  Path vocabulary;

  @Option(names = "--no-vocabulary", description = "Apply no vocabulary: raw model labels (VOC spellings, ImageNet classes).")
  boolean noVocabulary;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Extra model catalog (JSON) with your own models.")
  Path catalog;

  @Option(names = "--classifier-model", paramLabel = "ID", description = "Catalog id of the classifier's model (default: ${DEFAULT-VALUE}).")
  String classifierModel = ImageClassifier.IMAGENET_MODEL;

  @Option(names = "--detector-model", paramLabel = "ID", description = "Catalog id of the detector's model (default: ${DEFAULT-VALUE}).")
  String detectorModel = ObjectDetector.YOLOX_NANO_MODEL;

  @Option(names = "--interval", paramLabel = "SECONDS", description = "Video sampling interval (default: ${DEFAULT-VALUE}).")
  double interval = 2.0;

  @Option(names = "--max-frames", paramLabel = "N", description = "Most frames sampled per video (default: ${DEFAULT-VALUE}).")
  int maxFrames = 300;

  @Option(names = "--sampling", paramLabel = "MODE", description = "Video frames: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SamplingPolicy.Mode sampling = SamplingPolicy.Mode.INTERVAL;

  @Option(names = "--scene-threshold", paramLabel = "D", description = "Histogram difference (0..1) that marks a new shot in SCENE_CHANGE sampling (default: ${DEFAULT-VALUE}).")
  double sceneThreshold = 0.3;

  @Option(names = "--keyframe-reach", paramLabel = "SHARE", description = "A keyframe within this share of the interval from a sample "
      + "time is decoded alone and stands in for it (0..1; 0: off; default: ${DEFAULT-VALUE}).")
  double keyframeReach = SamplingPolicy.DEFAULT_KEYFRAME_REACH;

  @Option(names = "--static-difference", paramLabel = "LEVELS", description = "A frame differing from the last one looked at by at most "
      + "this many grey levels on average is a static shot, and what was found there is reused (0: off; default: ${DEFAULT-VALUE}).")
  double staticDifference = SamplingPolicy.DEFAULT_STATIC_DIFFERENCE;

  @picocli.CommandLine.Mixin
  WorkerOptions workerOptions = new WorkerOptions();

  @picocli.CommandLine.Mixin
  RemoteOptions remote = new RemoteOptions();

  private static final com.fasterxml.jackson.databind.ObjectMapper SKIPPED_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** bin/tagger says whether stderr is a terminal; without it, fall back to the JVM's console check. */
  private static boolean showProgress() {
    String flag = System.getProperty("tagger.progress");
    return flag != null ? Boolean.parseBoolean(flag) : System.console() != null;
  }

  @Override
  public Integer call() {
    PrintStream err = System.err;
    String usage = usageError();
    if (usage != null) {
      err.println("tagger tag: " + usage);
      return 2;
    }
    MediaWalker.Expansion expansion = MediaWalker.walk(paths);
    List<Media> items = expansion.items();
    try (Session session = openSession(Runtime.getRuntime().availableProcessors(), showProgress() ? new ProgressBar(err) : ProgressListener.NONE,
        List.of())) {
      BatchSummary summary = session.tagger().tagAll(items);
      for (MediaWalker.Skipped s : expansion.skipped()) {
        // one line per entry that is not tagged, beside the items' lines, so every entry is accounted for
        System.out.println(SKIPPED_JSON.createObjectNode().put("path", s.path()).put("skipped", s.reason()));
      }
      err.printf(Locale.ROOT, "tagged %d items: %d ok, %d failed, %d analyzed, %d from cache, in %.1f s%s%n",
          summary.total(), summary.succeeded(), summary.failed(), summary.analyzed(), summary.cached(),
          summary.elapsed().toMillis() / 1000.0,
          expansion.skipped().isEmpty() ? "" : "; " + expansion.skipped().size() + " entries skipped (not regular files)");
      return summary.failed() == 0 ? 0 : 1;
    } catch (TaggerException e) {
      err.println("tagger tag: " + e.getMessage());
      return CANNOT_START;
    } catch (IllegalArgumentException e) {
      err.println("tagger tag: " + e.getMessage());
      return 2;
    }
  }

  /** What is wrong with the options, or null. */
  String usageError() {
    if (!(keyframeReach >= 0 && keyframeReach <= 1) || !(staticDifference >= 0 && staticDifference < 255)) {
      return "--keyframe-reach must be in 0..1 and --static-difference in 0..254";
    }
    if (parallel < 1 || top < 1 || timeoutSeconds < 1 || maxFrames < 1 || !(interval > 0)) {
      return "--parallel, --top, --timeout, --max-frames and --interval must be positive";
    }
    if (report != null && !dev.tagger.cli.report.RunReport.isReportName(report)) {
      return "--report " + report + ": the name must end in .html or .json";
    }
    // a misspelt name or a remote analyzer without a gateway is a usage error, here and not in a worker
    return remote.problem(AnalyzerName.parseAll(remote.analyzers(analyzers)));
  }

  /** A run's engine, stores and tagger, open until closed; {@code tag} and {@code watch} wire them here alike. */
  record Session(Tagger tagger, List<AutoCloseable> open) implements AutoCloseable {
    @Override
    public void close() {
      RuntimeException failure = null;
      for (int i = open.size() - 1; i >= 0; i--) {
        try {
          open.get(i).close();
        } catch (Exception e) {
          if (failure == null) {
            failure = new TaggerException("cannot close the run: " + e.getMessage(), e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * Opens the engine with these options, {@code cores} being the cores its items may use at once, and
   * builds the tagger with its sinks and stores.
   */
  Session openSession(int cores, ProgressListener progress, List<dev.tagger.spi.TagSink> extraSinks) {
    Map<String, String> lists = new LinkedHashMap<>();
    entityLists.forEach((type, list) -> lists.put(type, list.toString()));
    int running = Math.min(parallel, cores);
    List<String> analyzers = remote.analyzers(this.analyzers);
    AnalysisSpec spec = new AnalysisSpec(analyzers, models == null ? null : models.toString(), catalog == null ? null : catalog.toString(),
        classifierModel, detectorModel, top, Math.max(1, cores / running), Math.round(ocrTimeLimitSeconds * 1000),
        speechModel == null ? null : speechModel.toString(), lists, nameFinder == null ? null : nameFinder.toString(),
        running >= cores ? 1 : 0, new SamplingPolicy(sampling, interval, maxFrames, sceneThreshold, keyframeReach, staticDifference), noCache ? null : cache.toString(),
        remote.spec(noCache ? null : cache));
    List<AutoCloseable> open = new ArrayList<>();
    try {
      Engine engine = add(open, Engine.open(spec, workerOptions.isolation(running)));
      // made once the models are open, so that its clock times the items
      dev.tagger.cli.report.RunReport runReport = report == null ? null : add(open, new dev.tagger.cli.report.RunReport(report, settings(running)));
      JsonLinesSink stdout = add(open, JsonLinesSink.to(System.out));
      JsonLinesSink file = out == null ? null : add(open, appendsOut() ? JsonLinesSink.appendingTo(out) : JsonLinesSink.toFile(out));
      FileResultStore results = noCache ? null : add(open, FileResultStore.open(cache));
      FeedbackStore feedback = noCache ? null : add(open, FeedbackStore.open(cache));
      PeopleStore people = noCache || !AnalyzerName.parseAll(analyzers).contains(AnalyzerName.PEOPLE) ? null
          : add(open, PeopleStore.open(cache, PeopleStore.Settings.DEFAULT));
      Tagger.Builder builder = Profile.engine(engine, raw ? dev.tagger.policy.TagPolicy.none() : Profile.policy(minConfidence, reviewFrom), false)
          .sink(stdout)
          .parallelism(running)
          .itemTimeout(Duration.ofSeconds(timeoutSeconds))
          .progressListener(progress);
      if (!noVocabulary) {
        if (vocabulary == null) {
          Profile.vocabularies(builder);
        } else {
          builder.rules(RuleFile.load(vocabulary));
        }
      }
      if (rules != null) {
        builder.rules(RuleFile.load(rules));
      }
      if (file != null) {
        builder.sink(file);
      }
      if (xmp) {
        builder.sink(feedback == null ? new XmpSidecarSink() : new XmpSidecarSink().withFeedback(feedback));
      }
      if (!noSubtitles) {
        builder.sink(new SubtitleSink());
      }
      if (results != null) {
        builder.resultStore(results).feedback(feedback).sink(new WrittenTagsSink(feedback));
      }
      if (people != null) {
        builder.people(people);
      }
      if (!noCache && !noIndex) {
        try {
          builder.sink(new dev.tagger.search.SearchIndexSink(add(open, SearchStore.open(cache, Math.max(1, cores / running))).index())
              .withPruning(SearchStore.goneUnder(paths)));
        } catch (TaggerException e) { // search is a help, not the run: tag without it
          System.err.println("tagger: no search index this run (" + e.getMessage() + ")");
        }
      }
      if (runReport != null) {
        builder.sink(runReport);
      }
      extraSinks.forEach(builder::sink);
      return new Session(builder.build(), open);
    } catch (RuntimeException e) {
      try {
        new Session(null, open).close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The settings a run report lists. */
  private Map<String, Object> settings(int running) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", getClass() == TagCommand.class ? "tag" : "watch");
    s.put("paths", paths.stream().map(Path::toString).toList());
    s.put("analyzers", String.join(",", remote.analyzers(analyzers)));
    if (remote.url != null) {
      s.put("gateway", dev.tagger.remote.GatewaySettings.of(remote.url, remote.model, dev.tagger.remote.ApiKey.none()).gateway() + ", model " + remote.model + ", " + remote.rps + " requests/s"
          + (remote.tpm > 0 ? ", " + remote.tpm + " tokens/min" : "") + (remote.budget > 0 ? ", budget " + remote.budget : ""));
    }
    s.put("policy", raw ? "none (--raw)" : "min confidence " + minConfidence + ", review from " + reviewFrom);
    s.put("parallel", running);
    s.put("workers", workerOptions.workers == null ? "default" : String.valueOf(workerOptions.workers));
    s.put("sampling", sampling + " every " + interval + " s, at most " + maxFrames + " frames");
    s.put("cache", noCache ? "none" : cache.toString());
    s.put("models", models != null ? models.toString() : System.getenv().getOrDefault("TAGGER_MODELS", "~/.cache/tagger/models"));
    s.put("rules", rules == null ? "none" : rules.toString());
    s.put("xmp", xmp);
    s.put("subtitles", !noSubtitles);
    return s;
  }

  /** Whether {@code --out} is added to rather than replaced: a worker that runs again goes on with its file. */
  boolean appendsOut() {
    return false;
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> open, T resource) {
    open.add(resource);
    return resource;
  }
}
