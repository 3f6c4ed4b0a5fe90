package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.TaggerException;
import dev.tagger.spi.TagRule;
import java.util.List;
import java.util.Objects;

/**
 * Applies rules in order to an item's tags. The input is put in canonical order first, so the same
 * tags in any order give the same output; every {@link DenyRule} is applied once more at the end, so
 * deny always wins over allow lists, synonyms, renames and composites. Immutable and thread-safe.
 */
public final class RuleChain {
  private final List<TagRule> rules;
  private final List<DenyRule> vetoes;

  public RuleChain(List<? extends TagRule> rules) {
    this.rules = List.copyOf(rules);
    this.vetoes = this.rules.stream().filter(DenyRule.class::isInstance).map(DenyRule.class::cast).toList();
  }

  public List<TagRule> rules() {
    return rules;
  }

  public List<Tag> apply(List<Tag> tags) {
    List<Tag> current = TagOrder.sorted(tags);
    for (TagRule rule : rules) {
      List<Tag> next = rule.apply(current);
      if (next == null) {
        throw new TaggerException("rule " + rule + " returned null");
      }
      next.forEach(t -> Objects.requireNonNull(t, () -> "rule " + rule + " returned a null tag"));
      current = TagOrder.sorted(next);
    }
    for (DenyRule veto : vetoes) {
      current = veto.apply(current);
    }
    return TagOrder.sorted(TagOrder.mergeByName(current));
  }
}
