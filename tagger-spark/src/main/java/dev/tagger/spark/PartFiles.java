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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The job's JSON Lines output: one file a partition, {@code part-RUN-N.jsonl}, written beside under a dot-name and moved
 * into place whole when the partition is done, so a killed job leaves only whole files (and dot-files every reader skips).
 */
final class PartFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PartFiles() {}

  /** Writes one partition's lines and commits them: after this returns, the file is there whole, or not at all. */
  static void commit(Path dir, String run, int partition, List<String> lines) throws IOException {
    Path target = dir.resolve("part-" + run + "-" + String.format(java.util.Locale.ROOT, "%05d", partition) + ".jsonl");
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The items the committed files hold, by content hash (or {@code path:} and the path, for an item that could not be read). */
  static Set<String> done(Path dir) {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".jsonl")).sorted().toList()) {
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
              JsonNode item = JSON.readTree(line);
              keys.add(key(item.path("sha256").isTextual() ? item.path("sha256").asText() : null, item.path("path").asText()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new TaggerException("cannot read the job's output in " + dir + ": " + e.getMessage(), e);
    }
    return keys;
  }

  static String key(@org.jspecify.annotations.Nullable String sha256, String path) {
    return sha256 != null ? sha256 : "path:" + path;
  }
}
