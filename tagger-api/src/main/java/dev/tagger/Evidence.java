package dev.tagger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why a detection was made: where in time, where in the picture, which words, and landmark points
 * (a face's eyes, nose and mouth corners). Every part is optional; a whole-image classification has none.
 */
public record Evidence(@Nullable TimeSpan span, @Nullable Box box, @Nullable String text, List<Point> points) {
  public static final Evidence NONE = new Evidence(null, null, null);

  public Evidence {
    points = points == null ? List.of() : List.copyOf(points); // null from journals written before points existed
  }

  public Evidence(@Nullable TimeSpan span, @Nullable Box box, @Nullable String text) {
    this(span, box, text, List.of());
  }

  public static Evidence at(TimeSpan span) {
    return new Evidence(span, null, null);
  }

  public boolean isEmpty() {
    return span == null && box == null && text == null && points.isEmpty();
  }
}
