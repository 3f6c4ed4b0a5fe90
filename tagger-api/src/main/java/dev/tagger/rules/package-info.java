/**
 * Built-in {@link dev.tagger.spi.TagRule}s (thresholds, deny and allow lists, vocabulary mapping,
 * renames and affixes, composites, top-K, review routing), the {@link dev.tagger.rules.RuleChain}
 * that applies them, and {@link dev.tagger.rules.RuleFile}, which reads them from YAML or JSON.
 */
@NullMarked
package dev.tagger.rules;

import org.jspecify.annotations.NullMarked;
