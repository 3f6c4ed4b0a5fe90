package dev.tagger.model;

import java.util.List;
import java.util.Objects;

/**
 * A model in the catalog.
 *
 * @param version the model's version, recorded in every tag's provenance and in cache keys
 */
public record ModelEntry(String id, String version, String licence, List<ModelFile> files) {
  public ModelEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(licence, "licence");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("model " + id + " has no files");
    }
  }

  /** The model's first file: the network itself by convention. */
  public ModelFile primary() {
    return files.get(0);
  }
}
