package dev.tagger.rules;

import dev.tagger.Category;
import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keeps the {@code k} strongest tags of each category (ties broken by name). */
public final class TopKRule implements TagRule {
  private final int k;

  public TopKRule(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("top-K needs k >= 1, got " + k);
    }
    this.k = k;
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    Map<Category, Integer> kept = new EnumMap<>(Category.class);
    List<Tag> out = new ArrayList<>();
    for (Tag t : TagOrder.sorted(tags)) {
      if (kept.merge(t.category(), 1, Integer::sum) <= k) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "TopKRule[" + k + "]";
  }
}
