package dev.tagger;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tag on an item, immutable. Rules produce new tags with the {@code with*} methods.
 *
 * @param share fraction of sampled frames (or windows) that carried the tag; 1 for a still
 * @param count the most instances seen at once (e.g. 2 for two dogs in one photo)
 * @param segments where in a video the tag holds; empty for stills
 * @param evidence a few of the strongest detections behind the tag
 * @param origins every name this tag has had (lower-case, sorted), its own included; rules keep it so that
 *     a deny list can veto a tag whatever it was renamed to, and so that provenance stays explainable
 * @param review true when the tag is routed to a person for review instead of being applied
 */
public record Tag(
    String name,
    double confidence,
    Category category,
    Source source,
    double share,
    int count,
    List<Segment> segments,
    List<Evidence> evidence,
    Set<String> origins,
    boolean review) {

  public Tag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(source, "source");
    if (name.isBlank()) {
      throw new IllegalArgumentException("tag name must not be blank");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence of tag '" + name + "' must be in [0, 1], got " + confidence);
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share of tag '" + name + "' must be in [0, 1], got " + share);
    }
    segments = List.copyOf(segments);
    evidence = List.copyOf(evidence);
    TreeSet<String> names = new TreeSet<>(origins);
    names.add(key(name));
    origins = Collections.unmodifiableSortedSet(names); // sorted, so output and cache keys are stable
  }

  /** A fresh tag straight from an analyzer, before any rule. */
  public static Tag of(String name, double confidence, Category category, Source source) {
    return new Tag(name, confidence, category, source, 1.0, 1, List.of(), List.of(), Set.of(), false);
  }

  /** The case-insensitive key under which names are compared. */
  public static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  public String key() {
    return key(name);
  }

  public Tag withName(String newName) {
    TreeSet<String> names = new TreeSet<>(origins);
    names.add(key(name));
    return new Tag(newName, confidence, category, source, share, count, segments, evidence, names, review);
  }

  public Tag withConfidence(double newConfidence) {
    return new Tag(name, newConfidence, category, source, share, count, segments, evidence, origins, review);
  }

  public Tag withReview(boolean needsReview) {
    return new Tag(name, confidence, category, source, share, count, segments, evidence, origins, needsReview);
  }

  public Tag withOrigins(Set<String> names) {
    return new Tag(name, confidence, category, source, share, count, segments, evidence, names, review);
  }
}
