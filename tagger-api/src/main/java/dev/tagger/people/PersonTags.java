package dev.tagger.people;

import dev.tagger.Category;
import dev.tagger.Evidence;
import dev.tagger.Segment;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named people in an item: one tag a person (category {@link Category#PERSON}), their faces as evidence,
 * and in a video the spans where they appear: each sighting stands until the next sample (the shortest gap
 * between the item's face times, at most {@link #MAX_STEP_SECONDS}), and sightings one missed sample apart join.
 */
public final class PersonTags {
  /** The source of person tags. */
  public static final Source SOURCE = new Source("people", "face-embed-dlib-128", "people-store");
  /** The longest a sighting stands for: two sightings far apart are two short spans, not one long one. */
  static final double MAX_STEP_SECONDS = 10;

  private PersonTags() {}

  public static List<Tag> of(PeopleStore people, String sha256) {
    Map<String, List<Face>> byName = new LinkedHashMap<>();
    for (Face f : people.faces(sha256)) {
      people.nameOf(f).ifPresent(name -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(f));
    }
    double step = step(people.faces(sha256));
    List<Tag> out = new ArrayList<>();
    byName.forEach((name, faces) -> {
      double confidence = faces.stream().mapToDouble(people::confidence).max().orElse(0);
      List<Evidence> evidence = faces.stream().limit(5).map(f -> new Evidence(
          f.seconds() == null ? null : new TimeSpan(f.seconds(), f.seconds()), f.box(), null)).toList();
      long atOnce = faces.stream().collect(java.util.stream.Collectors.groupingBy(f -> f.seconds() == null ? -1.0 : f.seconds(),
          java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElse(1);
      out.add(new Tag(name, confidence, Category.PERSON, SOURCE, 1.0, (int) atOnce, segments(people, faces, step), evidence, Set.of(), false));
    });
    return out;
  }

  /** The sampling step the item's face times show: their shortest positive gap, 1 s with fewer than two times. */
  static double step(List<Face> faces) {
    double[] times = faces.stream().filter(f -> f.seconds() != null).mapToDouble(Face::seconds).distinct().sorted().toArray();
    double step = Double.MAX_VALUE;
    for (int i = 1; i < times.length; i++) {
      step = Math.min(step, times[i] - times[i - 1]);
    }
    return step == Double.MAX_VALUE ? 1.0 : Math.min(step, MAX_STEP_SECONDS);
  }

  private static List<Segment> segments(PeopleStore people, List<Face> faces, double step) {
    List<Face> timed = faces.stream().filter(f -> f.seconds() != null).sorted(java.util.Comparator.comparingDouble(Face::seconds)).toList();
    List<Segment> out = new ArrayList<>();
    double start = -1;
    double end = -1;
    double peak = 0;
    double sum = 0;
    int n = 0;
    for (Face f : timed) {
      double c = people.confidence(f);
      if (n > 0 && f.seconds() - end <= step * 1.001) {
        end = Math.max(end, f.seconds() + step);
      } else {
        if (n > 0) {
          out.add(new Segment(start, end, peak, sum / n));
        }
        start = f.seconds();
        end = f.seconds() + step;
        peak = 0;
        sum = 0;
        n = 0;
      }
      peak = Math.max(peak, c);
      sum += c;
      n++;
    }
    if (n > 0) {
      out.add(new Segment(start, end, peak, sum / n));
    }
    return out;
  }
}
