package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renames tags (case-insensitive match); tags that end up with one name merge. */
public final class RenameRule implements TagRule {
  private final Map<String, String> newNameByKey;

  public RenameRule(Map<String, String> renames) {
    Map<String, String> m = new HashMap<>();
    renames.forEach((from, to) -> {
      if (to.isBlank()) {
        throw new IllegalArgumentException("rename of '" + from + "' gives a blank name");
      }
      m.put(Tag.key(from), to);
    });
    this.newNameByKey = Map.copyOf(m);
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    return TagOrder.mergeByName(tags.stream()
        .map(t -> {
          String to = newNameByKey.get(t.key());
          return to == null ? t : t.withName(to);
        })
        .toList());
  }

  @Override
  public String toString() {
    return "RenameRule" + newNameByKey;
  }
}
