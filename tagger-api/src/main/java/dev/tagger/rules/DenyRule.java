package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drops tags whose name, or any name they had before a synonym or rename rule, is on the list
 * (case-insensitive). A {@link RuleChain} applies every deny rule once more at the end, so a denied
 * name never comes out, wherever the deny rule stands in the chain.
 */
public final class DenyRule implements TagRule {
  private final Set<String> denied;

  public DenyRule(Collection<String> names) {
    this.denied = names.stream().map(Tag::key).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    return tags.stream().filter(t -> !denies(t)).toList();
  }

  boolean denies(Tag t) {
    return denied.contains(t.key()) || t.origins().stream().anyMatch(denied::contains);
  }

  @Override
  public String toString() {
    return "DenyRule" + denied;
  }
}
