package dev.tagger.feedback;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a sink last wrote to one item, kept so that the next run can tell what a person changed since:
 * our tags that are gone were removed by the person, other tags that are new were added by them.
 *
 * @param tags our tags as written, tag name to calibrated confidence
 * @param others the item's other tags (a person's) right after our write
 * @param review our tags written for review, tag name to calibrated confidence
 */
public record Written(String sha256, @Nullable String path, Map<String, Double> tags, List<String> others, Map<String, Double> review) {
  public Written {
    tags = Map.copyOf(tags);
    others = List.copyOf(others);
    review = review == null ? Map.of() : Map.copyOf(review);
  }

  public Written(String sha256, @Nullable String path, Map<String, Double> tags, List<String> others) {
    this(sha256, path, tags, others, Map.of());
  }
}
