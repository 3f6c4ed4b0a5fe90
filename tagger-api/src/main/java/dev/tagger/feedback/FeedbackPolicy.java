package dev.tagger.feedback;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.policy.PolicyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people said, applied to an item's tags after the tag policy and the rules: a tag a person rejected
 * on this item is dropped, one they accepted is applied (and is never taken away by a re-run), a rename
 * applies to every item, and each label's judged acceptance ({@link LabelLearning}) decides again whether
 * its tag is applied, sent to review or dropped. Reads the store on each item, so corrections made while a
 * batch runs apply to the items after them. Thread-safe.
 */
public final class FeedbackPolicy {
  private final FeedbackStore store;
  private final PolicyOptions thresholds;
  private final double priorStrength;
  private volatile Snapshot snapshot;

  public FeedbackPolicy(FeedbackStore store, PolicyOptions thresholds, double priorStrength) {
    this.store = store;
    this.thresholds = thresholds;
    this.priorStrength = priorStrength;
  }

  /** The item's applied and review tags (marked {@link Tag#review()}) after what people said. */
  public List<Tag> apply(String sha256, List<Tag> tags) {
    Snapshot s = snapshot();
    List<Tag> out = new ArrayList<>();
    for (Tag t : tags) {
      String renamed = s.renames.get(t.key());
      Tag tag = renamed == null ? t : t.withName(renamed);
      Optional<Verdict> said = verdict(sha256, tag);
      if (said.isPresent()) {
        if (said.get() == Verdict.ACCEPT) {
          out.add(tag.withReview(false));
        }
        continue; // rejected on this item: never put back
      }
      if (s.learning.knows(tag.key())) {
        // the learned acceptance decides; the tag keeps its calibrated confidence, the one later verdicts are counted at
        double p = s.learning.acceptance(tag.key(), tag.confidence());
        boolean heldForAnotherReason = tag.review() && tag.confidence() >= thresholds.minConfidence(); // a conflict, a floor
        if (p >= thresholds.minConfidence() && !heldForAnotherReason) {
          out.add(tag.withReview(false));
        } else if (p >= thresholds.reviewFrom()) {
          out.add(tag.withReview(true));
        }
        continue;
      }
      out.add(tag);
    }
    for (Feedback f : store.forItem(sha256)) { // accepted before, not found this time: a person's word stands
      String shown = s.renames.getOrDefault(f.key(), f.tag());
      if (f.verdict() == Verdict.ACCEPT && store.verdict(sha256, f.key()).orElse(null) == Verdict.ACCEPT
          && out.stream().noneMatch(t -> t.key().equals(Tag.key(shown)) || t.origins().contains(f.key()))) {
        out.add(Tag.of(shown, 1.0, Category.OTHER, PERSON));
      }
    }
    return out;
  }

  /** The source of a tag that is there because a person said so. */
  public static final Source PERSON = new Source("person", "feedback", "1");

  private Optional<Verdict> verdict(String sha256, Tag tag) {
    Optional<Verdict> own = store.verdict(sha256, tag.key());
    if (own.isPresent()) {
      return own;
    }
    for (String origin : tag.origins()) { // rejected under an earlier name, before a rename or a vocabulary rule
      Optional<Verdict> v = store.verdict(sha256, origin);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  private Snapshot snapshot() {
    int size = store.size();
    Snapshot s = snapshot;
    if (s == null || s.size != size) {
      s = new Snapshot(size, store.renames(), LabelLearning.from(store.all(), priorStrength));
      snapshot = s;
    }
    return s;
  }

  private record Snapshot(int size, Map<String, String> renames, LabelLearning learning) {}
}
