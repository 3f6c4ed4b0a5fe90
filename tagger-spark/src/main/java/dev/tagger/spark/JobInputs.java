package dev.tagger.spark;

import dev.tagger.TaggerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Where a job's list of media comes from: a text file of paths or {@code file:} URIs, or a column of a Parquet or CSV table. */
public final class JobInputs {
  private JobInputs() {}

  /** True for an input that is a list of items rather than an item: {@code .txt}, {@code .lst}, {@code .parquet}, {@code .csv}. */
  public static boolean isList(Path input) {
    String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".lst") || name.endsWith(".parquet") || name.endsWith(".csv");
  }

  /** The items a list names: one a line of a text file (blank lines and {@code #} comments left out), or a table's column. */
  public static List<String> read(SparkSession spark, Path input, String column) {
    String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet") || name.endsWith(".csv")) {
      var table = name.endsWith(".csv") ? spark.read().option("header", "true").csv(input.toString()) : spark.read().parquet(input.toString());
      if (!java.util.Arrays.asList(table.columns()).contains(column)) {
        throw new TaggerException(input + " has no column '" + column + "' (it has " + String.join(", ", table.columns())
            + "); name the column of paths with --column");
      }
      List<String> out = new ArrayList<>();
      for (Row r : table.select(column).collectAsList()) {
        if (!r.isNullAt(0) && !r.getString(0).isBlank()) {
          out.add(r.getString(0).strip());
        }
      }
      return out;
    }
    try {
      return Files.readAllLines(input, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new TaggerException("cannot read the list of items " + input + ": " + e.getMessage(), e);
    }
  }
}
