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
 * @param people the named people we put on the item as the sink's own records of them (a Stash performer), name to
 *     the record's id
 */
public record Written(String sha256, @Nullable String path, Map<String, Double> tags, List<String> others, Map<String, Double> review,
    Map<String, String> people) {
  public Written {
    tags = Map.copyOf(tags);
    others = List.copyOf(others);
    review = review == null ? Map.of() : Map.copyOf(review);
    people = people == null ? Map.of() : Map.copyOf(people);
  }

  public Written(String sha256, @Nullable String path, Map<String, Double> tags, List<String> others, Map<String, Double> review) {
    this(sha256, path, tags, others, review, Map.of());
  }

  public Written(String sha256, @Nullable String path, Map<String, Double> tags, List<String> others) {
    this(sha256, path, tags, others, Map.of(), Map.of());
  }
}
