package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.cli.eval.AccuracyReport;
import dev.tagger.cli.eval.CalibrationFit;
import dev.tagger.cli.eval.DevSet;
import dev.tagger.feedback.Feedback;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.Verdict;
import dev.tagger.policy.Calibration;
import dev.tagger.policy.PolicyOptions;
import dev.tagger.policy.TagPolicy;
import dev.tagger.sink.InMemorySink;
import dev.tagger.store.FileResultStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagger eval}: runs the default profile on the labelled dev set and prints precision, must-have
 * recall, tags per item, face tags on items without people and the reliability table; {@code --fit FILE}
 * fits the calibration curves on it.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measures the tags against the labelled dev set (benchmarks/accuracy).",
        "Collect the media first: benchmarks/accuracy/collect.sh [DIR]."})
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--devset", paramLabel = "DIR", description = "Where collect.sh put the media (default: ${DEFAULT-VALUE}).")
  Path devset = Path.of(System.getProperty("user.home"), ".cache", "tagger", "devset");

  @Option(names = "--labels", paramLabel = "FILE", description = "The labels (default: ${DEFAULT-VALUE}).")
  Path labels = Path.of("benchmarks", "accuracy", "labels.jsonl");

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME", description = "Analyzers, as for 'tagger tag'.")
  List<String> analyzers = List.of(Profile.DEFAULT_ANALYZER_LIST.split(","));

  @Option(names = "--raw", description = "Measure without the tag policy (tags as the analyzers and vocabularies give them).")
  boolean raw;

  @Option(names = "--min-confidence", paramLabel = "P", description = "Policy threshold (default: ${DEFAULT-VALUE}).")
  double minConfidence = PolicyOptions.DEFAULT.minConfidence();

  @Option(names = "--review-from", paramLabel = "P", description = "Policy review band start (default: ${DEFAULT-VALUE}).")
  double reviewFrom = PolicyOptions.DEFAULT.reviewFrom();

  @Option(names = "--fit", paramLabel = "FILE", description = "Fit the calibration on the dev set and write it here (then measure with it).")
  Path fit;

  @Option(names = "--cross-validate", description = "Also measure with curves fitted on the other half of the dev set (even and odd items).")
  boolean crossValidate;

  @Option(names = "--learn", description = "Simulate people correcting one half of the dev set (removing the wrong tags and keeping the"
      + " right ones; then also answering the review list) and measure the other half with what was learned, both ways round.")
  boolean learn;

  @Option(names = "--teach", split = ",", paramLabel = "TAG", description = "Also teach these tags from the dev set's own items (5 and 10 examples) and measure them on the rest.")
  List<String> teach = new ArrayList<>();

  @Option(names = "--details", paramLabel = "FILE", description = "Write every judged tag here (TSV).")
  Path details;

  @Option(names = "--cache", paramLabel = "DIR", description = "Result store: re-runs only re-apply the policy (default: ${DEFAULT-VALUE}).")
  Path cache = Path.of(System.getProperty("user.home"), ".cache", "tagger", "eval-results");

  @Option(names = "--models", paramLabel = "DIR", description = "Model store folder.")
  Path models;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    DevSet set = DevSet.load(labels, devset.resolve("media"));
    AnalysisSpec spec = AnalysisSpec.defaults(analyzers, 1).withModels(models);
    try (Engine chosen = Engine.open(spec, Engine.Isolation.IN_PROCESS); // the dev set is known media: analyzed in this JVM
        FileResultStore results = FileResultStore.open(cache)) {
      if (raw) {
        run(set, chosen, results, TagPolicy.none()).print(out, "without the tag policy");
        return 0;
      }
      PolicyOptions options = PolicyOptions.DEFAULT.withMinConfidence(minConfidence).withReviewFrom(Math.min(reviewFrom, minConfidence));
      Calibration calibration = Calibration.defaults();
      if (fit != null || crossValidate) {
        TagPolicy open = TagPolicy.of(options.withMinConfidence(0).withReviewFrom(0), Calibration.none());
        AccuracyReport all = run(set, chosen, results, open);
        if (fit != null) {
          calibration = new Calibration(CalibrationFit.fit(all.applied()), "dev-set fit");
          Files.writeString(fit, CalibrationFit.json(calibration.curves(), set.items().size() + " dev-set items, tagger eval --fit"));
          out.println("calibration: " + calibration.curves().size() + " curves written to " + fit);
        }
        if (crossValidate) {
          crossValidated(set, chosen, results, options, all).print(out, "calibration fitted on the other half (2-fold)");
        }
      }
      AccuracyReport report = run(set, chosen, results, TagPolicy.of(options, calibration));
      report.print(out, "default tag policy");
      if (learn) {
        for (boolean reviewToo : List.of(false, true)) {
          learned(set, chosen, results, TagPolicy.of(options, calibration), report, reviewToo)
              .print(out, "after people removed the wrong tags" + (reviewToo ? " and answered the review list" : "")
                  + " on the other half (2-fold)");
        }
      }
      if (details != null) {
        writeDetails(report);
      }
      if (!teach.isEmpty()) {
        try (dev.tagger.onnx.ImageEmbedder embedder = dev.tagger.onnx.ImageEmbedder.imageNet(
            models != null ? new dev.tagger.model.ModelStore(models, true) : dev.tagger.model.ModelStore.fromEnvironment(),
            new dev.tagger.onnx.runtime.OnnxOptions(Runtime.getRuntime().availableProcessors()))) {
          dev.tagger.cli.eval.TeachingEval.run(set, embedder, teach, List.of(5, 10), options.minConfidence(), out);
        }
      }
      return 0;
    }
  }

  /**
   * A person goes through the items of one half: removes each wrong tag and keeps the right ones (kept
   * after a look counts as accepted), and with {@code reviewToo} also answers the review list; every verdict
   * at the confidence the tag had. The other half is then tagged with what was learned, and both ways round.
   */
  private AccuracyReport learned(DevSet set, Engine chosen, FileResultStore results, TagPolicy policy, AccuracyReport judged,
      boolean reviewToo) {
    AccuracyReport merged = new AccuracyReport();
    for (int half = 0; half < 2; half++) {
      List<DevSet.Item> train = new ArrayList<>();
      List<DevSet.Item> test = new ArrayList<>();
      for (int i = 0; i < set.items().size(); i++) {
        (i % 2 == half ? test : train).add(set.items().get(i));
      }
      try (FeedbackStore people = FeedbackStore.inMemory()) {
        List<Feedback> said = new ArrayList<>();
        for (AccuracyReport.Judged j : reviewToo ? concat(judged.applied(), judged.review()) : judged.applied()) {
          if (train.contains(j.item())) {
            String sha = Media.of(set.media().resolve(j.item().id())).sha256();
            said.add(Feedback.of(sha, j.tag().name(), j.accepted() ? Verdict.ACCEPT : Verdict.REJECT, "eval").withConfidence(j.tag().confidence()));
          }
        }
        people.record(said);
        merged.addAll(run(new DevSet(set.media(), test), chosen, results, policy, people));
      }
    }
    return merged;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private AccuracyReport run(DevSet set, Engine chosen, FileResultStore results, TagPolicy policy) {
    return run(set, chosen, results, policy, null);
  }

  private AccuracyReport run(DevSet set, Engine chosen, FileResultStore results, TagPolicy policy, FeedbackStore people) {
    InMemorySink sink = new InMemorySink();
    Tagger.Builder builder = Profile.engine(chosen, policy, true).sink(sink).resultStore(results)
        .parallelism(Runtime.getRuntime().availableProcessors());
    if (people != null) {
      builder.feedback(people);
    }
    Tagger tagger = builder.build();
    Map<String, DevSet.Item> byPath = new HashMap<>();
    List<Media> media = new ArrayList<>();
    for (DevSet.Item item : set.items()) {
      Path p = set.media().resolve(item.id());
      byPath.put(p.toString(), item);
      media.add(Media.of(p));
    }
    tagger.tagAll(media);
    AccuracyReport report = new AccuracyReport();
    for (TagResult r : sink.results()) {
      if (!r.succeeded()) {
        System.err.println("eval: " + r.error().message());
      }
      report.add(byPath.get(r.path()), r);
    }
    return report;
  }

  /** Curves fitted on the odd items judge the even ones, and the other way round. */
  private AccuracyReport crossValidated(DevSet set, Engine chosen, FileResultStore results, PolicyOptions options, AccuracyReport open) {
    AccuracyReport merged = new AccuracyReport();
    for (int half = 0; half < 2; half++) {
      int h = half;
      List<DevSet.Item> train = new ArrayList<>();
      List<DevSet.Item> test = new ArrayList<>();
      for (int i = 0; i < set.items().size(); i++) {
        (i % 2 == h ? test : train).add(set.items().get(i));
      }
      List<AccuracyReport.Judged> trainTags = open.applied().stream().filter(j -> train.contains(j.item())).toList();
      Calibration c = new Calibration(CalibrationFit.fit(trainTags), "half " + h);
      AccuracyReport part = run(new DevSet(set.media(), test), chosen, results, TagPolicy.of(options, c));
      merged.addAll(part);
    }
    return merged;
  }

  private void writeDetails(AccuracyReport report) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("item\tsubject\tlist\ttag\tanalyzer\tcategory\tconfidence\taccepted");
    for (var pair : List.of(Map.entry("applied", report.applied()), Map.entry("review", report.review()))) {
      for (AccuracyReport.Judged j : pair.getValue()) {
        lines.add(String.join("\t", j.item().id(), j.item().subject(), pair.getKey(), j.tag().name(), j.tag().source().analyzer(),
            j.tag().category().name().toLowerCase(java.util.Locale.ROOT), String.format(java.util.Locale.ROOT, "%.3f", j.tag().confidence()),
            String.valueOf(j.accepted())));
      }
    }
    Files.write(details, lines);
  }
}
