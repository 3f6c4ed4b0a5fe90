package dev.tagger.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The job's JSON Lines output: one file a chunk of a partition, {@code part-RUN-PPPPP-CCCC.jsonl}. Each is written
 * under a dot-name of its own task attempt and moved into place whole, so a killed job, or two attempts at one task,
 * leave only whole files (and dot-files every reader skips). Names sort by run, so a later line for an item comes
 * after an earlier one.
 */
final class PartFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the committed files hold.
   *
   * @param items each item's key ({@link #key}) and whether its latest line is a success
   * @param malformed lines that are not a JSON object with a path (a hand edit, a damaged disk): ignored, so their
   *     items are tagged again
   * @param files the committed files
   */
  record Committed(Map<String, Boolean> items, int malformed, int files) {
    boolean succeeded(String key) {
      return Boolean.TRUE.equals(items.get(key));
    }

    boolean failed(String key) {
      return Boolean.FALSE.equals(items.get(key));
    }
  }

  private PartFiles() {}

  /**
   * Writes one chunk's lines and commits them: after this returns, the file is there whole, or not at all. Another
   * attempt at the same task writes the same name, whole, in its place.
   */
  static void commit(Path dir, String run, int partition, int chunk, long attempt, List<String> lines) throws IOException {
    String name = String.format(Locale.ROOT, "part-%s-%05d-%04d.jsonl", run, partition, chunk);
    Path tmp = dir.resolve("." + name + "." + attempt + ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static boolean isPart(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("part-") && name.endsWith(".jsonl");
  }

  /** Reads every committed file, in name order: the last line for an item says whether it is done. */
  static Committed read(Path dir) {
    Map<String, Boolean> items = new HashMap<>();
    int malformed = 0;
    int files = 0;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.filter(PartFiles::isPart).sorted().toList()) {
        files++;
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode item = parse(line);
            if (item == null || !item.path("path").isTextual()) {
              malformed++;
              continue;
            }
            String sha = item.path("sha256").isTextual() ? item.path("sha256").asText() : null;
            items.put(key(sha, item.path("path").asText()), item.path("error").isNull() || item.path("error").isMissingNode());
          }
        }
      }
    } catch (IOException e) {
      throw new TaggerException("cannot read the job's output in " + dir + ": " + e.getMessage(), e);
    }
    return new Committed(items, malformed, files);
  }

  private static @Nullable JsonNode parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** An item's key: its content hash and its path (an item that could not be read, by its path alone). */
  static String key(@Nullable String sha256, String path) {
    return (sha256 != null ? sha256 : "unread") + " " + path;
  }
}
