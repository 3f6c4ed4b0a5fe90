package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.List;

/** Adds a prefix and a suffix to every tag name, as Stash users who write {@code cat_AI} want. */
public final class AffixRule implements TagRule {
  private final String prefix;
  private final String suffix;

  public AffixRule(String prefix, String suffix) {
    if (prefix.isEmpty() && suffix.isEmpty()) {
      throw new IllegalArgumentException("an affix rule needs a prefix or a suffix");
    }
    this.prefix = prefix;
    this.suffix = suffix;
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    return TagOrder.mergeByName(tags.stream().map(t -> t.withName(prefix + t.name() + suffix)).toList());
  }

  @Override
  public String toString() {
    return "AffixRule[prefix=" + prefix + ", suffix=" + suffix + "]";
  }
}
