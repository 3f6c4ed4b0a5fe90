package dev.tagger.rules;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adds a tag when all of a set of tags are applied (cat and sofa → pet_comfort). The new tag's
 * confidence is the weakest of its members', so a composite is never surer than its evidence.
 */
public final class CompositeRule implements TagRule {
  static final Source SOURCE = new Source("rule:composite", "composite", "1");

  private final Set<String> all;
  private final String add;
  private final Category category;

  public CompositeRule(Collection<String> all, String add, Category category) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("composite '" + add + "' needs at least one member");
    }
    if (add.isBlank()) {
      throw new IllegalArgumentException("composite needs a non-blank name to add");
    }
    this.all = all.stream().map(Tag::key).collect(Collectors.toCollection(TreeSet::new));
    this.add = add;
    this.category = category;
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    Map<String, Tag> applied = tags.stream().filter(t -> !t.review())
        .collect(Collectors.toMap(Tag::key, Function.identity(), (a, b) -> a.confidence() >= b.confidence() ? a : b));
    if (!applied.keySet().containsAll(all)) {
      return tags;
    }
    double confidence = 1;
    TreeSet<String> origins = new TreeSet<>();
    for (String member : all) {
      Tag t = applied.get(member);
      confidence = Math.min(confidence, t.confidence());
      origins.addAll(t.origins());
    }
    List<Tag> out = new ArrayList<>(tags);
    out.add(Tag.of(add, confidence, category, SOURCE).withOrigins(origins));
    return TagOrder.mergeByName(out);
  }

  @Override
  public String toString() {
    return "CompositeRule[" + all + " -> " + add + "]";
  }
}
