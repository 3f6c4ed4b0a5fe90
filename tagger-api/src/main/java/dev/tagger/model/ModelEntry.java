package dev.tagger.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A model in the catalog.
 *
 * @param version the model's version, recorded in every tag's provenance and in cache keys
 * @param inputSize the side of the model's square input in pixels, or 0 for the analyzer's default
 * @param labels the path (as in {@link ModelFile#path()}) of one of the files that lists the class names,
 *     one a line in output order, or null to use the labels bundled for the model's family
 */
public record ModelEntry(String id, String version, String licence, List<ModelFile> files, int inputSize, @Nullable String labels) {
  public ModelEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(licence, "licence");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("model " + id + " has no files");
    }
    if (inputSize < 0) {
      throw new IllegalArgumentException("model " + id + ": inputSize must be >= 0, got " + inputSize);
    }
    if (labels != null && files.stream().noneMatch(f -> f.path().equals(labels))) {
      throw new IllegalArgumentException("model " + id + ": labels '" + labels + "' is not one of its files");
    }
  }

  public ModelEntry(String id, String version, String licence, List<ModelFile> files) {
    this(id, version, licence, files, 0, null);
  }

  /** The model's first file: the network itself by convention. */
  public ModelFile primary() {
    return files.get(0);
  }

  public Optional<String> labelsFile() {
    return Optional.ofNullable(labels);
  }
}
