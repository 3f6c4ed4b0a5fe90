package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps synonyms onto the terms of a controlled vocabulary (tabby, tiger cat, Egyptian cat → cat) and,
 * as an allow list, drops every tag whose name is not a term. Tags that map to the same term merge into
 * one, keeping the strongest confidence.
 */
public final class VocabularyRule implements TagRule {
  private final Map<String, String> termBySynonym;
  private final Set<String> terms;
  private final boolean allowOnly;

  /**
   * @param synonyms each term with the names that mean it
   * @param extraTerms further terms allowed as they are
   * @param allowOnly true to drop tags that are not terms (an allow list), false to only map synonyms
   */
  public VocabularyRule(Map<String, ? extends Collection<String>> synonyms, Collection<String> extraTerms, boolean allowOnly) {
    Map<String, String> mapping = new HashMap<>();
    Set<String> allTerms = new HashSet<>();
    synonyms.forEach((term, names) -> {
      allTerms.add(Tag.key(term));
      for (String name : names) {
        String previous = mapping.put(Tag.key(name), term);
        if (previous != null && !previous.equals(term)) {
          throw new IllegalArgumentException(
              "synonym '" + name + "' is given for two terms: '" + previous + "' and '" + term + "'");
        }
      }
    });
    extraTerms.forEach(t -> allTerms.add(Tag.key(t)));
    this.termBySynonym = Map.copyOf(mapping);
    this.terms = Set.copyOf(allTerms);
    this.allowOnly = allowOnly;
  }

  /** An allow list without synonyms. */
  public static VocabularyRule allow(Collection<String> terms) {
    return new VocabularyRule(Map.of(), terms, true);
  }

  /** Synonym mapping only: names outside the vocabulary pass unchanged. */
  public static VocabularyRule synonyms(Map<String, ? extends Collection<String>> synonyms) {
    return new VocabularyRule(synonyms, List.of(), false);
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    List<Tag> mapped = tags.stream()
        .map(t -> {
          String term = termBySynonym.get(t.key());
          return term == null ? t : t.withName(term);
        })
        .filter(t -> !allowOnly || terms.contains(t.key()))
        .toList();
    return TagOrder.mergeByName(mapped);
  }

  @Override
  public String toString() {
    return "VocabularyRule[terms=" + terms.size() + ", synonyms=" + termBySynonym.size() + ", allowOnly=" + allowOnly + "]";
  }
}
