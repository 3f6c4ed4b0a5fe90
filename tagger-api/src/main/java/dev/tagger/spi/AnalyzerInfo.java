package dev.tagger.spi;

import dev.tagger.Source;
import java.util.Objects;

/**
 * Who an analyzer is, for provenance and caching: changing {@code version} or {@code options}
 * invalidates cached results.
 *
 * @param options a short stable description of settings that change the output (thresholds, top-K)
 */
public record AnalyzerInfo(String id, String model, String version, String options) {
  public AnalyzerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(options, "options");
    if (id.isBlank()) {
      throw new IllegalArgumentException("analyzer id must not be blank");
    }
  }

  public Source source() {
    return new Source(id, model, version);
  }
}
