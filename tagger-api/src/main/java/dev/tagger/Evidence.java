package dev.tagger;

import org.jspecify.annotations.Nullable;

/**
 * Why a detection was made: where in time, where in the picture, or which words. Every part is
 * optional; a whole-image classification has none.
 */
public record Evidence(@Nullable TimeSpan span, @Nullable Box box, @Nullable String text) {
  public static final Evidence NONE = new Evidence(null, null, null);

  public static Evidence at(TimeSpan span) {
    return new Evidence(span, null, null);
  }

  public boolean isEmpty() {
    return span == null && box == null && text == null;
  }
}
