package dev.tagger.rules;

import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drops tags below a confidence threshold. The most specific threshold wins: per label, then per
 * analyzer, then the global one.
 */
public final class MinConfidenceRule implements TagRule {
  private final double global;
  private final Map<String, Double> byLabel;
  private final Map<String, Double> byAnalyzer;

  public MinConfidenceRule(double global, Map<String, Double> byLabel, Map<String, Double> byAnalyzer) {
    this.global = checkUnit("global", global);
    this.byLabel = keyed(byLabel, "label");
    this.byAnalyzer = keyed(byAnalyzer, "analyzer");
  }

  public static MinConfidenceRule of(double global) {
    return new MinConfidenceRule(global, Map.of(), Map.of());
  }

  @Override
  public List<Tag> apply(List<Tag> tags) {
    return tags.stream().filter(t -> t.confidence() >= threshold(t)).toList();
  }

  private double threshold(Tag t) {
    Double label = byLabel.get(t.key());
    if (label != null) {
      return label;
    }
    return byAnalyzer.getOrDefault(Tag.key(t.source().analyzer()), global);
  }

  private static Map<String, Double> keyed(Map<String, Double> map, String what) {
    Map<String, Double> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(Tag.key(k), checkUnit(what + " '" + k + "'", v)));
    return Map.copyOf(out);
  }

  static double checkUnit(String what, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("minimum confidence for " + what + " must be in [0, 1], got " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "MinConfidenceRule[global=" + global + ", labels=" + byLabel + ", analyzers=" + byAnalyzer + "]";
  }
}
