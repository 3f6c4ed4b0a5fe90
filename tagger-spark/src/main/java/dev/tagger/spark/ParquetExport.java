package dev.tagger.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.row_number;

import dev.tagger.TaggerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.jspecify.annotations.Nullable;

/**
 * {@code OUT/parquet}: every committed line as one row per item (its latest line, when a re-run tagged it again),
 * tags as an array of structs, partitioned by kind. It is written beside under a dot-name and put in place of the
 * previous one only once Spark has committed it whole, so a failed write leaves the previous table as it was.
 */
final class ParquetExport {
  private ParquetExport() {}

  /** Writes the table from the lines in {@code json}; null, and nothing written, when no line is committed yet. */
  static @Nullable Path write(SparkSession spark, Path json, Path target, String run) {
    if (!hasLines(json)) {
      return null;
    }
    Dataset<Row> lines = spark.read().option("mode", "DROPMALFORMED").json(json.toUri().toString())
        .withColumn("_file", input_file_name());
    if (!java.util.Arrays.asList(lines.columns()).contains("path")) {
      return null; // every line was malformed
    }
    Dataset<Row> latest = lines.where(col("path").isNotNull())
        .withColumn("_n", row_number().over(Window.partitionBy(col("path"), col("sha256")).orderBy(col("_file").desc())))
        .where(col("_n").equalTo(1)).drop("_n", "_file");
    Path fresh = target.resolveSibling("." + target.getFileName() + "-" + run);
    latest.write().mode(SaveMode.ErrorIfExists).partitionBy("kind").parquet(fresh.toUri().toString());
    Path previous = target.resolveSibling("." + target.getFileName() + "-old-" + run);
    try {
      if (Files.exists(target)) {
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(previous);
    } catch (IOException e) {
      throw new TaggerException("cannot put the new table " + fresh + " in place of " + target + ": " + e.getMessage()
          + (Files.exists(previous) ? "; the previous one is at " + previous : ""), e);
    }
    return target;
  }

  private static boolean hasLines(Path json) {
    try (Stream<Path> files = Files.list(json)) {
      return files.filter(PartFiles::isPart).anyMatch(f -> f.toFile().length() > 0);
    } catch (IOException e) {
      throw new TaggerException("cannot list " + json + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
