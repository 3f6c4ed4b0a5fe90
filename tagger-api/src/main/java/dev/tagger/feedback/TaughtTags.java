package dev.tagger.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.Tag;
import dev.tagger.TaggerException;
import dev.tagger.model.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The taught tags of a library, in one JSON file ({@code taught.json}) beside the result store, written whole
 * and atomically (a temporary file, then a rename). Not thread-safe; a command reads or changes it.
 */
public final class TaughtTags {
  public static final String FILE = "taught.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, TaughtTag> tags = new LinkedHashMap<>();

  private TaughtTags(Path file) {
    this.file = file;
  }

  /** The taught tags in {@code dir} (none when the file does not exist). */
  public static TaughtTags in(Path dir) {
    TaughtTags t = new TaughtTags(dir.resolve(FILE));
    if (Files.exists(t.file)) {
      try {
        for (JsonNode n : JSON.readTree(t.file.toFile())) {
          TaughtTag tag = read(n);
          t.tags.put(Tag.key(tag.name()), tag);
        }
      } catch (IOException | RuntimeException e) {
        throw new TaggerException("cannot read the taught tags in " + t.file + ": " + e.getMessage(), e);
      }
    }
    return t;
  }

  public List<TaughtTag> all() {
    return List.copyOf(tags.values());
  }

  public Optional<TaughtTag> get(String name) {
    return Optional.ofNullable(tags.get(Tag.key(name)));
  }

  /** Adds or replaces a taught tag and writes the file. */
  public void put(TaughtTag tag) {
    tags.put(Tag.key(tag.name()), tag);
    save();
  }

  /** Forgets a taught tag; false when there was none by that name. */
  public boolean forget(String name) {
    boolean had = tags.remove(Tag.key(name)) != null;
    if (had) {
      save();
    }
    return had;
  }

  /** Identifies the set of taught tags: part of the {@code taught} analyzer's version, so the cache follows it. */
  public String fingerprint() {
    StringBuilder b = new StringBuilder();
    tags.values().forEach(t -> b.append(t.name()).append('@').append(t.taught()).append(';'));
    return Hashing.sha256(b.toString()).substring(0, 12);
  }

  private void save() {
    ArrayNode all = JSON.createArrayNode();
    for (TaughtTag t : tags.values()) {
      ObjectNode n = all.addObject().put("name", t.name()).put("bias", t.bias()).put("negatives", t.negatives())
          .put("model", t.model()).put("taught", t.taught().toString());
      t.examples().forEach(n.putArray("examples")::add);
      ArrayNode w = n.putArray("weights");
      for (float x : t.weights()) {
        w.add(x);
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new TaggerException("cannot write the taught tags to " + file + ": " + e.getMessage(), e);
    }
  }

  private static TaughtTag read(JsonNode n) {
    JsonNode w = n.path("weights");
    float[] weights = new float[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) w.get(i).asDouble();
    }
    List<String> examples = new ArrayList<>();
    n.path("examples").forEach(e -> examples.add(e.asText()));
    return new TaughtTag(n.path("name").asText(), weights, n.path("bias").asDouble(), examples, n.path("negatives").asInt(),
        n.path("model").asText(), Instant.parse(n.path("taught").asText()));
  }
}
