package dev.tagger.spark;

import dev.tagger.Media;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a job's list of media comes from: a text file of paths or {@code file:} URIs, or a column of a Parquet or CSV
 * table (a file, or a folder Spark wrote). Every item leaves here absolute, a relative one resolved against the list's
 * folder, because executors do not share the driver's working folder.
 */
public final class JobInputs {
  private JobInputs() {}

  /**
   * True for an input that is a list of items rather than an item: a {@code .txt} or {@code .lst} file, or a
   * {@code .parquet} or {@code .csv} table, file or folder.
   */
  public static boolean isList(Path input) {
    String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".txt") || name.endsWith(".lst")) {
      return Files.isRegularFile(input);
    }
    return (name.endsWith(".parquet") || name.endsWith(".csv")) && Files.exists(input);
  }

  /** The items a list names: one a line of a text file (blank lines and {@code #} comments left out), or a table's column. */
  public static List<String> read(SparkSession spark, Path input, String column) {
    Path list = input.toAbsolutePath();
    Path base = list.getParent();
    String name = list.getFileName().toString().toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    if (name.endsWith(".parquet") || name.endsWith(".csv")) {
      String uri = list.toUri().toString(); // a bare path would be read from the cluster's default file system
      var table = name.endsWith(".csv") ? spark.read().option("header", "true").csv(uri) : spark.read().parquet(uri);
      if (!java.util.Arrays.asList(table.columns()).contains(column)) {
        throw new TaggerException(input + " has no column '" + column + "' (it has " + String.join(", ", table.columns())
            + "); name the column of paths with --column");
      }
      for (Row r : table.select(table.col(column).cast("string")).collectAsList()) {
        if (!r.isNullAt(0) && !r.getString(0).isBlank()) {
          out.add(absolute(r.getString(0).strip(), base));
        }
      }
      return out;
    }
    try {
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(absolute(l, base));
        }
      }
      return out;
    } catch (IOException e) {
      throw new TaggerException("cannot read the list of items " + input + ": " + e.getMessage(), e);
    }
  }

  /**
   * An item as every executor can find it: a path resolved against {@code base} (the folder of the list that names
   * it), a {@code file:} URI as its path. An entry that is neither (another scheme, a name the file system refuses)
   * is kept as it is: tagging it gives an error line that says why.
   */
  public static String absolute(String item, Path base) {
    try {
      if (item.regionMatches(true, 0, "file:", 0, 5)) {
        return Media.of(URI.create(item)).id();
      }
      if (item.matches("(?i)[a-z][a-z0-9+.-]+://.*")) {
        return item;
      }
      return Media.of(base.resolve(item).toAbsolutePath().normalize()).id();
    } catch (RuntimeException notAPath) {
      return item;
    }
  }

  /** The media an item names, or an exception that says why it names none. */
  static Media media(String item) {
    if (item.regionMatches(true, 0, "file:", 0, 5)) {
      return Media.of(URI.create(item));
    }
    if (item.matches("(?i)[a-z][a-z0-9+.-]+://.*")) {
      throw new IllegalArgumentException("only paths and file: URIs can be tagged, got " + item
          + "; the items must be on a file system every executor sees");
    }
    Path p = Path.of(item);
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("not an absolute path: " + item);
    }
    return Media.of(p);
  }
}
