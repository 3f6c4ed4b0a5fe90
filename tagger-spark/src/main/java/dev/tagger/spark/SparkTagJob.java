package dev.tagger.spark;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.sink.TagResultJson;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * Tags a list of media on Spark.
 * <ol>
 *   <li>The driver opens the engine once to learn its fingerprint (the analyzers, their models and options). The output
 *       goes to {@code OUT/json/analysis=FINGERPRINT/}, so a run with other analyzers never mixes with this one.</li>
 *   <li>A first stage reads each item's content hash and asks the setup what it will cost (a video's length, say).
 *       Items whose hash the committed output already holds are skipped.</li>
 *   <li>The rest are dealt into partitions by cost ({@link CostBins}). Each partition is tagged by its executor's one
 *       {@link dev.tagger.Tagger} ({@link ExecutorSetups}). It is written as one JSON Lines file in the CLI's schema
 *       and committed whole when the partition ends. A failed item is an error line, never a failed task.</li>
 *   <li>With {@code parquet}, all committed lines become {@code OUT/parquet} (one row per item, tags as an array of
 *       structs, partitioned by kind), replaced whole by Spark's committer.</li>
 * </ol>
 * A job killed halfway leaves its finished partitions committed, and a re-run tags only the rest. The output folder
 * must be one the driver and every executor see (a local disk in local mode, a shared file system on a cluster).
 */
public final class SparkTagJob {
  /**
   * @param setupClass the {@link ExecutorSetup} that opens the engine in each executor
   * @param configuration what the setup is configured with
   * @param out the output folder
   * @param partitions how many partitions to deal the items into, 0 for four per core of the cluster
   * @param parquet also write {@code OUT/parquet}
   */
  public record Settings(String setupClass, String configuration, String out, int partitions, boolean parquet) implements Serializable {}

  /** What a run did: items given, skipped as already in the output, tagged now, failed among those, and where it wrote. */
  public record Report(int items, int skipped, int tagged, int failed, int partitions, double maxPartitionCost, double meanPartitionCost,
      double seconds, String json, @Nullable String parquet) {}

  /** An item as the first stage saw it. */
  record Probe(String item, @Nullable String sha256, double cost) implements Serializable {
    String key() {
      return PartFiles.key(sha256, item);
    }
  }

  private SparkTagJob() {}

  public static Report run(SparkSession spark, Settings s, List<String> items) {
    long start = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String fingerprint = ExecutorSetups.open(s.setupClass(), s.configuration()).tagger().fingerprint();
    Path dir = Path.of(s.out(), "json", "analysis=" + fingerprint).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TaggerException("cannot make the output folder " + dir + ": " + e.getMessage(), e);
    }
    Set<String> done = PartFiles.done(dir);
    String setupClass = s.setupClass();
    List<Probe> probes = items.isEmpty() ? List.of()
        : jsc.parallelize(items, Math.max(1, Math.min(items.size(), jsc.defaultParallelism() * 4))).map(i -> probe(setupClass, i)).collect();
    List<Probe> todo = probes.stream().filter(p -> !done.contains(p.key())).toList();
    int n = Math.max(1, s.partitions() > 0 ? s.partitions() : Math.min(todo.size(), jsc.defaultParallelism() * 4));
    double[] costs = todo.stream().mapToDouble(Probe::cost).toArray();
    int[] bins = CostBins.assign(costs, n);
    List<Tuple2<Integer, String>> dealt = new ArrayList<>();
    for (int i = 0; i < todo.size(); i++) {
      dealt.add(new Tuple2<>(bins[i], todo.get(i).item()));
    }
    String run = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(java.time.LocalDateTime.now())
        + "-" + Long.toHexString(System.nanoTime() & 0xfffff);
    String configuration = s.configuration();
    String out = dir.toString();
    List<int[]> counts = todo.isEmpty() ? List.of() : JavaPairRDD.fromJavaRDD(jsc.parallelize(dealt, n)).partitionBy(new Bins(n)).values()
        .mapPartitionsWithIndex((index, it) -> tagPartition(setupClass, configuration, out, run, index, it), true).collect();
    String parquet = null;
    if (s.parquet()) {
      parquet = Path.of(s.out(), "parquet").toAbsolutePath().toString();
      spark.read().json(out).write().mode(SaveMode.Overwrite).partitionBy("kind").parquet(parquet);
    }
    List<Double> totals = CostBins.totals(costs, bins, n);
    return new Report(items.size(), probes.size() - todo.size(), counts.stream().mapToInt(c -> c[0]).sum(),
        counts.stream().mapToInt(c -> c[1]).sum(), n, totals.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        totals.stream().mapToDouble(Double::doubleValue).average().orElse(0), (System.nanoTime() - start) / 1e9, out, parquet);
  }

  private static Probe probe(String setupClass, String item) {
    Media media = media(item);
    String sha = null;
    try {
      sha = media.sha256();
    } catch (RuntimeException unreadable) {
      // tagged all the same: it becomes an error line that says why
    }
    double cost;
    try {
      cost = ExecutorSetups.bare(setupClass).cost(media.path());
    } catch (RuntimeException e) {
      cost = 1;
    }
    return new Probe(item, sha, cost);
  }

  private static Iterator<int[]> tagPartition(String setupClass, String configuration, String out, String run, int index, Iterator<String> it)
      throws IOException {
    List<Media> media = new ArrayList<>();
    it.forEachRemaining(i -> media.add(media(i)));
    if (media.isEmpty()) {
      return List.<int[]>of().iterator();
    }
    BatchSummary summary = ExecutorSetups.open(setupClass, configuration).tagger().tagAll(media);
    List<String> lines = new ArrayList<>();
    int failed = 0;
    for (TagResult r : summary.results()) {
      lines.add(TagResultJson.toJsonLine(r));
      failed += r.succeeded() ? 0 : 1;
    }
    PartFiles.commit(Path.of(out), run, index, lines);
    return List.of(new int[] {lines.size(), failed}).iterator();
  }

  private static Media media(String item) {
    return item.startsWith("file:") ? Media.of(URI.create(item)) : Media.of(Path.of(item));
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
