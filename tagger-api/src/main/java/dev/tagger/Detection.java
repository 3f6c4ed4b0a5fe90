package dev.tagger;

import java.util.Objects;

/** One thing an analyzer saw in one still, frame, audio window or text. */
public record Detection(String label, double confidence, Category category, Evidence evidence) {
  public Detection {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(evidence, "evidence");
    if (label.isBlank()) {
      throw new IllegalArgumentException("detection label must not be blank");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence of '" + label + "' must be in [0, 1], got " + confidence);
    }
  }

  public Detection(String label, double confidence, Category category) {
    this(label, confidence, category, Evidence.NONE);
  }
}
