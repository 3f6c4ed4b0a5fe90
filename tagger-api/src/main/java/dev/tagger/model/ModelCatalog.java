package dev.tagger.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known models by id. {@link #defaults()} holds the models Tagger ships analyzers for; users add their
 * own entries (a larger classifier, another language) from a JSON file of the same shape. Immutable.
 */
public final class ModelCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, ModelEntry> entries;

  private ModelCatalog(Map<String, ModelEntry> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static ModelCatalog of(Collection<ModelEntry> entries) {
    Map<String, ModelEntry> m = new LinkedHashMap<>();
    for (ModelEntry e : entries) {
      if (m.put(e.id(), e) != null) {
        throw new IllegalArgumentException("model id " + e.id() + " appears twice in the catalog");
      }
    }
    return new ModelCatalog(m);
  }

  /** The built-in catalog ({@code dev/tagger/model/catalog.json}). */
  public static ModelCatalog defaults() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream("catalog.json")) {
      if (in == null) {
        throw new IllegalStateException("built-in model catalog is missing from the tagger-api jar");
      }
      return parse("built-in catalog", JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("built-in model catalog is unreadable", e);
    }
  }

  /**
   * Reads a catalog file: {@code {"models": [{"id", "version", "licence", "inputSize", "labels",
   * "files": [{"path", "bytes", "sha256", "url"}]}]}}; a {@code file:} URL copies from a local path. A file converted from
   * another package's weights has {@code "derivedFrom"} (what it was made from, and how) instead of a URL.
   */
  public static ModelCatalog load(Path file) {
    try {
      return parse(file.toString(), JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new TaggerException("cannot read model catalog " + file + ": " + e.getMessage(), e);
    }
  }

  /** This catalog with the other's entries added; an entry with the same id replaces this one's. */
  public ModelCatalog with(ModelCatalog other) {
    Map<String, ModelEntry> m = new LinkedHashMap<>(entries);
    m.putAll(other.entries);
    return new ModelCatalog(m);
  }

  public Optional<ModelEntry> find(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  public ModelEntry get(String id) {
    return find(id).orElseThrow(() -> new TaggerException(
        "no model '" + id + "' in the catalog; known: " + entries.keySet().stream().sorted().toList()));
  }

  public Collection<ModelEntry> entries() {
    return entries.values();
  }

  private static ModelCatalog parse(String name, JsonNode root) {
    JsonNode models = root.get("models");
    if (models == null || !models.isArray()) {
      throw new TaggerException(name + ": expected {\"models\": [...]}");
    }
    List<ModelEntry> out = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      JsonNode m = models.get(i);
      String at = name + ": models[" + i + "]";
      try {
        List<ModelFile> files = new ArrayList<>();
        JsonNode fs = required(m, "files", at);
        for (int j = 0; j < fs.size(); j++) {
          JsonNode f = fs.get(j);
          String fat = at + ".files[" + j + "]";
          files.add(new ModelFile(required(f, "path", fat).asText(), f.path("bytes").asLong(-1), required(f, "sha256", fat).asText(),
              f.hasNonNull("url") ? URI.create(f.get("url").asText()) : null, f.hasNonNull("derivedFrom") ? f.get("derivedFrom").asText() : null));
        }
        out.add(new ModelEntry(required(m, "id", at).asText(), required(m, "version", at).asText(),
            m.path("licence").asText("unknown"), files, m.path("inputSize").asInt(0),
            m.hasNonNull("labels") ? m.get("labels").asText() : null));
      } catch (IllegalArgumentException e) {
        throw new TaggerException(at + ": " + e.getMessage(), e);
      }
    }
    return of(out);
  }

  private static JsonNode required(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new TaggerException(at + "." + field + ": missing");
    }
    return v;
  }
}
