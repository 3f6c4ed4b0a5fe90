package dev.tagger.spi;

import dev.tagger.Tag;
import java.util.List;

/**
 * One step of tag post-processing. Gets the item's candidate tags and returns the new list; tags are
 * immutable, so a rule returns changed copies. Must be thread-safe and deterministic, must not raise
 * any tag's confidence, and must not depend on the order of its input.
 */
@FunctionalInterface
public interface TagRule {
  List<Tag> apply(List<Tag> tags);
}
