package dev.tagger.spark;

import dev.tagger.ItemError;
import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.sink.TagResultJson;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * Tags a list of media on Spark.
 * <ol>
 *   <li>One task asks an executor's setup for its fingerprint (the analyzers, their models and options, the policy and
 *       vocabularies), opening there the engine that executor would open anyway; the driver loads no model. The
 *       output goes to {@code OUT/json/analysis=FINGERPRINT/}, so a run with another analysis never mixes with this one.</li>
 *   <li>A first stage reads each item's content hash and asks the setup what it will cost (a video's length, say).
 *       Items the committed output already holds (same content at the same path) are skipped; so are those it holds
 *       as failed, unless {@link Settings#retryFailed}.</li>
 *   <li>The rest are dealt into partitions by cost ({@link CostBins}). Each partition is tagged by its executor's one
 *       {@link dev.tagger.Tagger} ({@link ExecutorSetups}), a chunk at a time, and each chunk is committed whole as one
 *       JSON Lines file in the CLI's schema ({@link PartFiles}). An item that fails, or that names no file, is an
 *       error line, never a failed task.</li>
 *   <li>With {@code parquet}, the committed lines become {@code OUT/parquet} ({@link ParquetExport}).</li>
 * </ol>
 * A job killed halfway leaves its finished chunks committed, and a re-run tags only the rest. The items and the output
 * folder must be on a file system the driver and every executor see under the same paths.
 */
public final class SparkTagJob {
  /** A chunk is committed once its items' cost reaches this (a photo is 1), or it holds {@link #CHUNK_ITEMS} items. */
  static final double CHUNK_COST = 32;
  static final int CHUNK_ITEMS = 64;

  /**
   * @param setupClass the {@link ExecutorSetup} that opens the engine in each executor
   * @param configuration what the setup is configured with
   * @param out the output folder
   * @param partitions how many partitions to deal the items into, 0 for four per core of the cluster
   * @param parquet also write {@code OUT/parquet}
   * @param retryFailed tag again the items whose latest line in the output is an error
   */
  public record Settings(String setupClass, String configuration, String out, int partitions, boolean parquet, boolean retryFailed)
      implements Serializable {}

  /**
   * What a run did.
   *
   * @param items distinct items given (a path given twice counts once)
   * @param skipped already in the output
   * @param tagged tagged now, {@code failed} of them with an error line
   * @param malformed lines of the output that could not be read, whose items were tagged again
   */
  public record Report(int items, int skipped, int tagged, int failed, int malformed, int partitions, double maxPartitionCost,
      double meanPartitionCost, double seconds, String json, @Nullable String parquet) {}

  /** An item as the first stage saw it: its hash (null if unreadable) and cost, or why it names no media. */
  record Probe(String item, @Nullable String sha256, double cost, @Nullable String invalid) implements Serializable {
    String key() {
      return PartFiles.key(sha256, item);
    }
  }

  private SparkTagJob() {}

  public static Report run(SparkSession spark, Settings s, List<String> given) {
    long start = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Path here = Path.of("").toAbsolutePath();
    List<String> items = List.copyOf(new LinkedHashSet<>(given.stream().map(i -> JobInputs.absolute(i, here)).toList()));
    String setupClass = s.setupClass();
    String configuration = s.configuration();
    String fingerprint = jsc.parallelize(List.of(0), 1).map(x -> ExecutorSetups.open(setupClass, configuration).fingerprint()).first();
    Path dir = Path.of(s.out(), "json", "analysis=" + fingerprint).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TaggerException("cannot make the output folder " + dir + ": " + e.getMessage(), e);
    }
    PartFiles.Committed done = PartFiles.read(dir);
    List<Probe> probes = items.isEmpty() ? List.of()
        : jsc.parallelize(items, Math.max(1, Math.min(items.size(), jsc.defaultParallelism() * 4))).map(i -> probe(setupClass, i)).collect();
    List<Probe> todo = probes.stream().filter(p -> !done.succeeded(p.key()) && (s.retryFailed() || !done.failed(p.key()))).toList();
    int n = Math.max(1, s.partitions() > 0 ? s.partitions() : Math.min(todo.size(), jsc.defaultParallelism() * 4));
    double[] costs = todo.stream().mapToDouble(Probe::cost).toArray();
    int[] bins = CostBins.assign(costs, n);
    List<Tuple2<Integer, Probe>> dealt = new ArrayList<>();
    for (int i = 0; i < todo.size(); i++) {
      dealt.add(new Tuple2<>(bins[i], todo.get(i)));
    }
    String run = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(java.time.LocalDateTime.now())
        + "-" + Long.toHexString(System.nanoTime() & 0xfffff);
    String out = dir.toString();
    List<int[]> counts = todo.isEmpty() ? List.of() : JavaPairRDD.fromJavaRDD(jsc.parallelize(dealt, n)).partitionBy(new Bins(n)).values()
        .mapPartitionsWithIndex((index, it) -> tagPartition(setupClass, configuration, out, run, index, it), true).collect();
    Path parquet = s.parquet() ? ParquetExport.write(spark, dir, Path.of(s.out(), "parquet").toAbsolutePath(), run) : null;
    List<Double> totals = CostBins.totals(costs, bins, n);
    return new Report(items.size(), probes.size() - todo.size(), counts.stream().mapToInt(c -> c[0]).sum(),
        counts.stream().mapToInt(c -> c[1]).sum(), done.malformed(), n, totals.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        totals.stream().mapToDouble(Double::doubleValue).average().orElse(0), (System.nanoTime() - start) / 1e9, out,
        parquet == null ? null : parquet.toString());
  }

  private static Probe probe(String setupClass, String item) {
    Media media;
    try {
      media = JobInputs.media(item);
    } catch (RuntimeException e) {
      return new Probe(item, null, 0.1, e.getMessage() == null ? e.toString() : e.getMessage());
    }
    String sha = null;
    try {
      sha = media.sha256();
    } catch (RuntimeException unreadable) {
      // tagged all the same: it becomes an error line that says why
    }
    double cost;
    try {
      cost = sha == null ? 0.1 : ExecutorSetups.bare(setupClass).cost(media.path());
    } catch (RuntimeException e) {
      cost = 1;
    }
    return new Probe(item, sha, cost, null);
  }

  /** Tags a partition a chunk at a time, committing each chunk: a task killed halfway loses at most one chunk. */
  private static Iterator<int[]> tagPartition(String setupClass, String configuration, String out, String run, int index, Iterator<Probe> it)
      throws IOException {
    TaskContext task = TaskContext.get();
    long attempt = task == null ? 0 : task.taskAttemptId();
    int tagged = 0;
    int failed = 0;
    int chunk = 0;
    List<Probe> pending = new ArrayList<>();
    double cost = 0;
    while (it.hasNext()) {
      Probe p = it.next();
      pending.add(p);
      cost += p.cost();
      if (cost >= CHUNK_COST || pending.size() >= CHUNK_ITEMS || !it.hasNext()) {
        List<String> lines = new ArrayList<>();
        failed += tagChunk(setupClass, configuration, pending, lines);
        PartFiles.commit(Path.of(out), run, index, chunk++, attempt, lines);
        tagged += lines.size();
        pending.clear();
        cost = 0;
      }
    }
    return tagged == 0 ? List.<int[]>of().iterator() : List.of(new int[] {tagged, failed}).iterator();
  }

  /** Adds the chunk's lines, in its order; returns how many are errors. */
  private static int tagChunk(String setupClass, String configuration, List<Probe> chunk, List<String> lines) {
    List<Media> media = new ArrayList<>();
    for (Probe p : chunk) {
      if (p.invalid() == null) {
        media.add(JobInputs.media(p.item()));
      }
    }
    List<TagResult> results = media.isEmpty() ? List.of() : ExecutorSetups.open(setupClass, configuration).tagger().tagAll(media).results();
    int failed = 0;
    int next = 0;
    for (Probe p : chunk) {
      TagResult r = p.invalid() == null ? results.get(next++)
          : TagResult.failed(p.item(), MediaKind.UNKNOWN, null, new ItemError("input", p.invalid()), 0);
      lines.add(TagResultJson.toJsonLine(r));
      failed += r.succeeded() ? 0 : 1;
    }
    return failed;
  }

  /** Puts each item in the partition it was dealt to. */
  static final class Bins extends Partitioner {
    private final int n;

    Bins(int n) {
      this.n = n;
    }

    @Override
    public int numPartitions() {
      return n;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }
  }
}
