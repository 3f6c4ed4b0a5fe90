package dev.tagger.nlp;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TextItem;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entities named in an item's texts, found by exact, case-sensitive match of whole tokens against a
 * dictionary (longest name first), as {@link Category#ENTITY} tags under the canonical name. Provenance
 * says which dictionary (analyzer {@code entities:NAME}, model {@code dictionary:NAME}); the evidence text
 * starts with the entity type ({@code place: …}).
 * Thread-safe.
 */
public final class DictionaryEntityAnalyzer implements TextAnalyzer {
  static final double CONFIDENCE = 0.9;
  private final EntityDictionary dictionary;
  private final Map<String, List<Name>> byFirstToken = new HashMap<>();
  private final int version;

  private record Name(String[] tokens, String canonical) {}

  public DictionaryEntityAnalyzer(EntityDictionary dictionary) {
    this.dictionary = dictionary;
    EnglishNlp nlp = EnglishNlp.get();
    dictionary.entries().forEach((canonical, others) -> {
      List<String> all = new ArrayList<>(others);
      all.add(0, canonical);
      for (String n : all) {
        String[] toks = nlp.tokenize(n);
        if (toks.length > 0) {
          byFirstToken.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Name(toks, canonical));
        }
      }
    });
    byFirstToken.values().forEach(l -> l.sort((a, b) -> Integer.compare(b.tokens().length, a.tokens().length)));
    this.version = dictionary.entries().hashCode();
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("entities:" + dictionary.name(), "dictionary:" + dictionary.name(),
        Integer.toHexString(version), "");
  }

  @Override
  public AnalyzerOutput analyze(AnalysisInput input) {
    List<Detection> out = new ArrayList<>();
    for (TextItem t : input.texts()) {
      if (TextAnalyzerSupport.isFileName(t)) {
        continue;
      }
      for (EnglishNlp.Sentence s : EnglishNlp.get().annotate(t.text())) {
        String[] toks = s.tokens();
        for (int i = 0; i < toks.length; i++) {
          Name match = match(toks, i);
          if (match != null) {
            out.add(new Detection(match.canonical(), CONFIDENCE, Category.ENTITY,
                new Evidence(t.span(), null, dictionary.type() + ": " + s.text().strip())));
            i += match.tokens().length - 1;
          }
        }
      }
    }
    return AnalyzerOutput.of(out);
  }

  private Name match(String[] toks, int at) {
    for (Name n : byFirstToken.getOrDefault(toks[at], List.of())) {
      if (at + n.tokens().length <= toks.length) {
        boolean all = true;
        for (int k = 0; k < n.tokens().length && all; k++) {
          all = toks[at + k].equals(n.tokens()[k]);
        }
        if (all) {
          return n;
        }
      }
    }
    return null;
  }
}
