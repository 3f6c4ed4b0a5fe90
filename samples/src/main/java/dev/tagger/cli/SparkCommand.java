package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.TaggerException;
import dev.tagger.spark.JobInputs;
import dev.tagger.spark.SparkTagJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagger spark}: tags a library on Apache Spark ({@code --master local[N]} on this machine, or a cluster's
 * master), with the same analyzers, policy and vocabularies as {@code tag}, into {@code OUT/json/analysis=.../} (the
 * JSON lines of {@code tag}) and, with {@code --parquet}, {@code OUT/parquet}. A re-run tags only what the output lacks.
 */
@Command(name = "spark", mixinStandardHelpOptions = true, description = "Tag a library on Apache Spark: resumable, partitions balanced by cost.")
final class SparkCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Media files and folders, lists of paths (.txt, .lst), or tables (.parquet, .csv) whose --column names them.")
  List<Path> paths;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: the one spark-submit names, else local[*]).")
  String master;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, seen by the driver and every executor.")
  Path out;

  @Option(names = "--parquet", description = "Also write OUT/parquet: one row per item, tags as an array of structs, partitioned by kind.")
  boolean parquet;

  @Option(names = "--retry-failed", description = "Tag again the items the output holds as failed (by default a re-run skips them too).")
  boolean retryFailed;

  @Option(names = "--partitions", paramLabel = "N", description = "Partitions the items are dealt into by cost (default: four per core).")
  int partitions;

  @Option(names = "--column", paramLabel = "NAME", description = "The column of paths in a .parquet or .csv input (default: ${DEFAULT-VALUE}).")
  String column = "path";

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME", description = "Analyzers, as for 'tagger tag' (default: ${DEFAULT-VALUE}).")
  List<String> analyzers = List.of(Profile.DEFAULT_ANALYZER_LIST.split(","));

  @Option(names = "--models", paramLabel = "DIR", description = "Model store folder on every executor (default: $TAGGER_MODELS, else ~/.cache/tagger/models).")
  Path models;

  @Option(names = "--min-confidence", paramLabel = "P", description = "As for 'tagger tag' (default: ${DEFAULT-VALUE}).")
  double minConfidence = dev.tagger.policy.PolicyOptions.DEFAULT.minConfidence();

  @Option(names = "--review-from", paramLabel = "P", description = "As for 'tagger tag' (default: ${DEFAULT-VALUE}).")
  double reviewFrom = dev.tagger.policy.PolicyOptions.DEFAULT.reviewFrom();

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest time one item may take (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 600;

  @Option(names = "--workers", paramLabel = "N", description = "Worker processes per executor, so a native crash fails one item "
      + "(default: one per executor core; 0 analyzes in the executor's JVM).")
  Integer workers;

  @Override
  public Integer call() {
    try {
      AnalyzerName.parseAll(analyzers);
    } catch (IllegalArgumentException e) {
      System.err.println("tagger spark: " + e.getMessage());
      return 2;
    }
    if (workers != null && workers < 0 || partitions < 0 || timeoutSeconds < 1) {
      System.err.println("tagger spark: --workers and --partitions must not be negative, --timeout at least 1");
      return 2;
    }
    SparkSession.Builder session = SparkSession.builder().appName("tagger").config("spark.ui.enabled", "false");
    if (master != null || System.getProperty("spark.master") == null) { // under spark-submit, its master
      session.master(master != null ? master : "local[*]");
    }
    SparkSession spark = session.getOrCreate();
    try {
      List<String> items = new ArrayList<>();
      List<Path> media = new ArrayList<>();
      for (Path p : paths) {
        if (JobInputs.isList(p)) {
          items.addAll(JobInputs.read(spark, p, column)); // absolute: executors do not share this working folder
        } else {
          media.add(p.toAbsolutePath());
        }
      }
      MediaWalker.Expansion walked = MediaWalker.walk(media);
      walked.skipped().forEach(k -> System.err.println("tagger spark: skipped " + k.path() + ": " + k.reason()));
      walked.items().stream().map(Media::id).forEach(items::add);
      int cores = spark.sparkContext().defaultParallelism();
      // each executor runs one task a core, and each task one item at a time: a worker process a task slot, one ONNX thread an item
      AnalysisSpec spec = AnalysisSpec.defaults(analyzers, 1).withModels(models == null ? null : models.toAbsolutePath());
      String config = new CliSparkSetup.Config(spec, minConfidence, reviewFrom, timeoutSeconds, workers != null ? workers : -1, 1).toJson();
      SparkTagJob.Report r = SparkTagJob.run(spark, new SparkTagJob.Settings(CliSparkSetup.class.getName(), config,
          out.toAbsolutePath().toString(), partitions, parquet, retryFailed), items);
      if (r.malformed() > 0) {
        System.err.printf(Locale.ROOT, "tagger spark: %d lines of %s could not be read; their items were tagged again%n", r.malformed(), r.json());
      }
      System.err.printf(Locale.ROOT, "tagger spark: %d items: %d already in the output, %d tagged (%d failed) in %d partitions on %d cores "
          + "(cost per partition: most %.1f, mean %.1f), in %.1f s; %s%s%n", r.items(), r.skipped(), r.tagged(), r.failed(), r.partitions(), cores,
          r.maxPartitionCost(), r.meanPartitionCost(), r.seconds(), r.json(), r.parquet() == null ? (parquet ? "; no Parquet: no line yet" : "")
          : " and " + r.parquet());
      return r.failed() == 0 ? 0 : 1;
    } catch (TaggerException e) {
      System.err.println("tagger spark: " + e.getMessage());
      return 3;
    } finally {
      spark.stop();
    }
  }
}
