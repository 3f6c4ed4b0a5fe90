package dev.tagger;

import java.util.Objects;

/** Provenance of a tag: the analyzer that made it, the model it ran and that model's version. */
public record Source(String analyzer, String model, String version) {
  public Source {
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
  }
}
