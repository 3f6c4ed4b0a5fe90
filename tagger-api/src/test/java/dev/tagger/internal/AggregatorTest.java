package dev.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.AggregationOptions;
import dev.tagger.Box;
import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalyzerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class AggregatorTest {
  static final AnalyzerInfo INFO = new AnalyzerInfo("image-classifier", "m", "1", "");

  static Detection at(String label, double t, double confidence) {
    return new Detection(label, confidence, Category.OBJECT, Evidence.at(TimeSpan.at(t)));
  }

  static List<Double> frames(double step, int n) {
    return DoubleStream.iterate(0, t -> t + step).limit(n).boxed().toList();
  }

  @Test
  void aStillGivesOneTagWithItsBestConfidenceAndCount() {
    List<Detection> ds = List.of(
        new Detection("dog", 0.9, Category.OBJECT, new Evidence(null, new Box(0, 0, 10, 10), null)),
        new Detection("dog", 0.7, Category.OBJECT, new Evidence(null, new Box(20, 0, 10, 10), null)),
        new Detection("cat", 0.4, Category.OBJECT));
    List<Tag> tags = new Aggregator(AggregationOptions.DEFAULT).aggregate(INFO, ds, List.of());
    Tag dog = tags.stream().filter(t -> t.name().equals("dog")).findFirst().orElseThrow();
    assertThat(dog.confidence()).isEqualTo(0.9);
    assertThat(dog.count()).isEqualTo(2);
    assertThat(dog.evidence()).hasSize(2);
    assertThat(dog.segments()).isEmpty();
    assertThat(dog.share()).isEqualTo(1.0);
  }

  @Test
  void presenceThenAbsenceLongerThanTheMergeGapGivesTwoSegments() {
    // frames every 2 s from 0 to 20 s; cat at 0-4 s, absent 6-10 s, back at 12-14 s
    List<Detection> ds = new ArrayList<>();
    for (double t : new double[] {0, 2, 4, 12, 14}) {
      ds.add(at("cat", t, t < 10 ? 0.8 : 0.6));
    }
    Aggregator agg = new Aggregator(new AggregationOptions(2.0, 1.0, 10));
    Tag cat = agg.aggregate(INFO, ds, frames(2, 11)).get(0);
    assertThat(cat.segments()).hasSize(2);
    assertSegment(cat.segments().get(0), 0, 6, 0.8, 0.8);
    assertSegment(cat.segments().get(1), 12, 16, 0.6, 0.6);
    assertThat(cat.share()).isCloseTo(5 / 11.0, within(1e-9));
  }

  static void assertSegment(Segment s, double start, double end, double peak, double mean) {
    assertThat(s.startSeconds()).isCloseTo(start, within(1e-9));
    assertThat(s.endSeconds()).isCloseTo(end, within(1e-9));
    assertThat(s.peakConfidence()).isCloseTo(peak, within(1e-9));
    assertThat(s.meanConfidence()).isCloseTo(mean, within(1e-9));
  }

  @Test
  void aGapWithinTheMergeGapIsBridgedAndMeanIsOverSightings() {
    List<Detection> ds = List.of(at("cat", 0, 0.9), at("cat", 2, 0.5), at("cat", 6, 0.7));
    Tag cat = new Aggregator(new AggregationOptions(2.0, 0, 10)).aggregate(INFO, ds, frames(2, 5)).get(0);
    assertThat(cat.segments()).hasSize(1);
    Segment s = cat.segments().get(0);
    assertThat(s.startSeconds()).isZero();
    assertThat(s.endSeconds()).isEqualTo(8);
    assertThat(s.peakConfidence()).isEqualTo(0.9);
    assertThat(s.meanConfidence()).isCloseTo(0.7, within(1e-9));
  }

  @Test
  void segmentsShorterThanTheMinimumAreDropped() {
    List<Detection> ds = List.of(at("flash", 4, 0.9));
    Tag t = new Aggregator(new AggregationOptions(0, 3.0, 10)).aggregate(INFO, ds, frames(2, 5)).get(0);
    assertThat(t.segments()).isEmpty();
    assertThat(t.confidence()).isEqualTo(0.9);
  }

  @Test
  void windowsWithTheirOwnDurationKeepIt() {
    Detection d = new Detection("music", 0.8, Category.SOUND, Evidence.at(new TimeSpan(10, 20)));
    Tag t = new Aggregator(AggregationOptions.DEFAULT).aggregate(INFO, List.of(d), List.of()).get(0);
    assertThat(t.segments()).containsExactly(new Segment(10, 20, 0.8, 0.8));
  }
}
