package dev.tagger.rules;

import dev.tagger.Segment;
import dev.tagger.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The canonical order of tags and the merging of tags that ended up with the same name. */
final class TagOrder {
  /** Strongest first; ties broken by name, then analyzer, so that any input order gives one output. */
  static final Comparator<Tag> CANONICAL = Comparator.comparingDouble(Tag::confidence).reversed()
      .thenComparing(Tag::key)
      .thenComparing(Tag::name)
      .thenComparing(t -> t.source().analyzer())
      .thenComparing(t -> t.category().name())
      .thenComparing(Tag::review)
      .thenComparing(t -> t.origins().toString());

  private TagOrder() {}

  static List<Tag> sorted(List<Tag> tags) {
    List<Tag> copy = new ArrayList<>(tags);
    copy.sort(CANONICAL);
    return copy;
  }

  /**
   * One tag per name (case-insensitive): the strongest keeps its fields, the others add their
   * origins, segments and evidence; share and count are the largest seen.
   */
  static List<Tag> mergeByName(List<Tag> tags) {
    Map<String, List<Tag>> byKey = new LinkedHashMap<>();
    for (Tag t : sorted(tags)) {
      byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
    }
    List<Tag> out = new ArrayList<>();
    for (List<Tag> same : byKey.values()) {
      Tag best = same.get(0);
      if (same.size() == 1) {
        out.add(best);
        continue;
      }
      TreeSet<String> origins = new TreeSet<>();
      List<Segment> segments = new ArrayList<>();
      List<dev.tagger.Evidence> evidence = new ArrayList<>();
      double share = 0;
      int count = 0;
      boolean review = true;
      for (Tag t : same) {
        origins.addAll(t.origins());
        segments.addAll(t.segments());
        evidence.addAll(t.evidence());
        share = Math.max(share, t.share());
        count = Math.max(count, t.count());
        review &= t.review();
      }
      segments.sort(Comparator.comparingDouble(Segment::startSeconds).thenComparingDouble(Segment::endSeconds));
      out.add(new Tag(best.name(), best.confidence(), best.category(), best.source(), share, count,
          mergeOverlapping(segments), evidence.stream().distinct().toList(), origins, review));
    }
    return out;
  }

  private static List<Segment> mergeOverlapping(List<Segment> sorted) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : sorted) {
      Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.startSeconds() <= last.endSeconds()) {
        out.set(out.size() - 1, new Segment(last.startSeconds(), Math.max(last.endSeconds(), s.endSeconds()),
            Math.max(last.peakConfidence(), s.peakConfidence()),
            Math.max(last.meanConfidence(), s.meanConfidence())));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
