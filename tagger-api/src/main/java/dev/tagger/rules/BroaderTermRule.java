package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds the everyday word for fine-grained tags and keeps them: every dog breed also gives {@code dog},
 * tabby and Siamese cat also give {@code cat}. The broader tag takes the strongest confidence among the
 * narrower tags that gave it (never more), their segments, and their names as origins.
 */
public final class BroaderTermRule implements TagRule {
  private final Map<String, List<String>> broaderByNarrow;

  /** @param narrowerByBroad each broad term with the narrower names that imply it */
  public BroaderTermRule(Map<String, ? extends Collection<String>> narrowerByBroad) {
    Map<String, List<String>> m = new HashMap<>();
    narrowerByBroad.forEach((broad, narrow) -> {
      if (broad.isBlank()) {
        throw new IllegalArgumentException("a broader term must not be blank");
      }
      for (String n : narrow) {
        m.computeIfAbsent(Tag.key(n), k -> new ArrayList<>()).add(broad);
      }
    });
    this.broaderByNarrow = Map.copyOf(m);
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    List<Tag> out = new ArrayList<>(tags);
    for (Tag t : tags) {
      for (String broad : broaderByNarrow.getOrDefault(t.key(), List.of())) {
        Set<String> origins = new TreeSet<>(t.origins());
        out.add(t.withName(broad).withOrigins(origins));
      }
    }
    return TagOrder.mergeByName(out);
  }

  @Override
  public String toString() {
    return "BroaderTermRule[" + broaderByNarrow.size() + " narrower names]";
  }
}
