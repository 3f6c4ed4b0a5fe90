package dev.tagger.internal;

import dev.tagger.AggregationOptions;
import dev.tagger.Detection;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalyzerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one analyzer's detections for an item into item tags: the strongest confidence, the share of
 * sampled frames that carried the tag, the most instances seen at once, and time segments (sightings
 * merged across gaps up to {@code mergeGapSeconds}, segments under {@code minSegmentSeconds} dropped).
 */
public final class Aggregator {
  private final AggregationOptions options;

  public Aggregator(AggregationOptions options) {
    this.options = options;
  }

  /**
   * @param frameTimes times of all sampled frames of the item, ascending; empty for stills and texts
   */
  public List<Tag> aggregate(AnalyzerInfo analyzer, List<Detection> detections, List<Double> frameTimes) {
    Map<String, List<Detection>> byLabel = new TreeMap<>();
    for (Detection d : detections) {
      byLabel.computeIfAbsent(Tag.key(d.label()) + "\u0000" + d.category(), k -> new ArrayList<>()).add(d);
    }
    List<Tag> tags = new ArrayList<>();
    for (List<Detection> group : byLabel.values()) {
      tags.add(toTag(analyzer, group, frameTimes));
    }
    return tags;
  }

  private Tag toTag(AnalyzerInfo analyzer, List<Detection> group, List<Double> frameTimes) {
    List<Detection> strongestFirst = new ArrayList<>(group);
    strongestFirst.sort(Comparator.comparingDouble(Detection::confidence).reversed()
        .thenComparing(d -> d.evidence().toString()));
    Detection top = strongestFirst.get(0);

    Map<Double, Integer> perInstant = new HashMap<>();
    for (Detection d : group) {
      TimeSpan span = d.evidence().span();
      perInstant.merge(span == null ? -1.0 : span.startSeconds(), 1, Integer::sum);
    }
    int count = perInstant.values().stream().max(Integer::compare).orElse(1);
    double share = 1.0;
    if (!frameTimes.isEmpty()) {
      long framesWithTag = perInstant.keySet().stream().filter(t -> t >= 0).count();
      share = Math.min(1.0, framesWithTag / (double) frameTimes.size());
    }
    List<Segment> segments = segments(group, frameTimes);
    List<dev.tagger.Evidence> evidence = strongestFirst.stream()
        .map(Detection::evidence)
        .filter(e -> !e.isEmpty())
        .limit(options.maxEvidence())
        .toList();
    return new Tag(top.label(), top.confidence(), top.category(), analyzer.source(),
        share, count, segments, evidence, Set.of(), false);
  }

  /** Segments from detections that carry a time span; none for a still. */
  List<Segment> segments(List<Detection> group, List<Double> frameTimes) {
    Map<Double, double[]> intervals = new LinkedHashMap<>(); // start -> {end, peak, sum, n}
    for (Detection d : group) {
      TimeSpan span = d.evidence().span();
      if (span == null) {
        continue;
      }
      double end = span.duration() > 0 ? span.endSeconds() : span.startSeconds() + frameStep(span.startSeconds(), frameTimes);
      double[] acc = intervals.computeIfAbsent(span.startSeconds(), k -> new double[] {end, 0, 0, 0});
      acc[0] = Math.max(acc[0], end);
      acc[1] = Math.max(acc[1], d.confidence());
      acc[2] += d.confidence();
      acc[3] += 1;
    }
    List<Map.Entry<Double, double[]>> sorted = new ArrayList<>(intervals.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    List<Segment> out = new ArrayList<>();
    double start = -1, end = -1, peak = 0, sum = 0, n = 0;
    for (Map.Entry<Double, double[]> e : sorted) {
      double[] a = e.getValue();
      if (start >= 0 && e.getKey() - end <= options.mergeGapSeconds()) {
        end = Math.max(end, a[0]);
        peak = Math.max(peak, a[1]);
        sum += a[2];
        n += a[3];
        continue;
      }
      addIfLongEnough(out, start, end, peak, sum, n);
      start = e.getKey();
      end = a[0];
      peak = a[1];
      sum = a[2];
      n = a[3];
    }
    addIfLongEnough(out, start, end, peak, sum, n);
    return out;
  }

  private void addIfLongEnough(List<Segment> out, double start, double end, double peak, double sum, double n) {
    if (start >= 0 && end - start >= options.minSegmentSeconds()) {
      out.add(new Segment(start, end, peak, sum / n));
    }
  }

  /** How long the frame sampled at {@code t} stands for: until the next sample, or one usual step. */
  static double frameStep(double t, List<Double> frameTimes) {
    for (int i = 0; i < frameTimes.size(); i++) {
      if (frameTimes.get(i) > t) {
        return frameTimes.get(i) - t;
      }
    }
    if (frameTimes.size() >= 2) {
      List<Double> steps = new ArrayList<>();
      for (int i = 1; i < frameTimes.size(); i++) {
        steps.add(frameTimes.get(i) - frameTimes.get(i - 1));
      }
      steps.sort(Double::compare);
      return steps.get(steps.size() / 2);
    }
    return 0;
  }
}
