package dev.tagger.nlp;

import dev.tagger.TaggerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How common each word is in ordinary English, so keywords can be weighed TF-IDF style: a phrase that
 * is frequent in the item but rare in general ("canyon") is a better keyword than one that is frequent
 * everywhere ("light"). The counts are SemCor's (the sense-tagged part of the Brown corpus, about 260,000
 * tagged words), from WordNet 3.0, shipped as {@code semcor-counts.tsv}. Immutable and thread-safe.
 */
public final class BackgroundCorpus {
  private static final String RESOURCE = "/dev/tagger/nlp/semcor-counts.tsv";
  private static volatile BackgroundCorpus semcor;

  private final Map<String, Integer> counts;
  private final long total;

  BackgroundCorpus(Map<String, Integer> counts) {
    this.counts = Map.copyOf(counts);
    this.total = counts.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** The SemCor counts shipped with this module, read once. */
  public static BackgroundCorpus semcor() {
    BackgroundCorpus c = semcor;
    if (c == null) {
      synchronized (BackgroundCorpus.class) {
        if (semcor == null) {
          semcor = load();
        }
        c = semcor;
      }
    }
    return c;
  }

  private static BackgroundCorpus load() {
    Map<String, Integer> counts = new HashMap<>();
    try (InputStream in = BackgroundCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new TaggerException("the keyword background corpus " + RESOURCE + " is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
      }
    } catch (IOException | RuntimeException e) {
      throw new TaggerException("cannot read the keyword background corpus " + RESOURCE + ": " + e.getMessage(), e);
    }
    return new BackgroundCorpus(counts);
  }

  /** How often the word (lower-cased, lemma) occurs in the corpus; 0 when never. */
  public int count(String word) {
    return counts.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
  }

  /**
   * The word's inverse corpus frequency scaled to 0..1: 1 for a word the corpus never has, near 0.3 for
   * the commonest nouns ("time", "man").
   */
  public double rarity(String word) {
    return total == 0 ? 1 : Math.log((total + 1.0) / (count(word) + 1.0)) / Math.log(total + 1.0);
  }

  /** A phrase's rarity: the mean over its words, so "grand canyon" is rarer than "grand" alone. */
  public double phraseRarity(String phrase) {
    String[] words = phrase.split(" ");
    double sum = 0;
    for (String w : words) {
      sum += rarity(w);
    }
    return sum / words.length;
  }
}
