package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.List;

/**
 * Routes uncertain tags to a person: a tag with {@code from <= confidence < to} is marked for review
 * and not applied.
 */
public final class ReviewBandRule implements TagRule {
  private final double from;
  private final double to;

  public ReviewBandRule(double from, double to) {
    MinConfidenceRule.checkUnit("review.from", from);
    MinConfidenceRule.checkUnit("review.to", to);
    if (from > to) {
      throw new IllegalArgumentException("review band needs from <= to, got from=" + from + ", to=" + to);
    }
    this.from = from;
    this.to = to;
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    return tags.stream()
        .map(t -> t.confidence() >= from && t.confidence() < to ? t.withReview(true) : t)
        .toList();
  }

  @Override
  public String toString() {
    return "ReviewBandRule[" + from + ", " + to + ")";
  }
}
