package dev.tagger.stash;

import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.feedback.Feedback;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.Verdict;
import dev.tagger.feedback.Written;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What people changed in Stash on items we tagged, told apart from what we wrote by keeping, per item, what
 * we last wrote ({@link Written}) in the feedback store: an {@code _AI} tag of ours that is gone was removed
 * by a person (rejected), and so is a named person whose performer we added (by performer id) and a person
 * took off (recorded without a confidence: a name has no threshold to learn); a tag of theirs that was not
 * there at our write was added by them (a miss). Review
 * answers and {@code AI_wrong} marks become verdicts too. Not thread-safe; one run uses one.
 */
public final class StashCorrections {
  static final String SINK = "stash";

  private final FeedbackStore store;
  private final StashTags tags;

  public StashCorrections(FeedbackStore store, StashTags tags) {
    this.store = store;
    this.tags = tags;
  }

  /** Records what people changed on these items since our last write; returns how many corrections. */
  public int read(List<StashItem> items) {
    List<Feedback> said = new ArrayList<>();
    Instant now = Instant.now();
    String done = tags.doneTag().id();
    for (StashItem item : items) {
      Optional<Written> before = store.written(SINK, key(item));
      if (before.isEmpty() || !item.tags().containsKey(done)) {
        continue; // never written, or our write was undone (reset, or AI_tagged taken off to have it tagged again)
      }
      Written w = before.get();
      Set<String> ours = labels(item, false);
      w.tags().forEach((label, confidence) -> {
        if (!ours.contains(Tag.key(label))) {
          said.add(new Feedback(w.sha256(), item.path(), label, Verdict.REJECT, null, confidence, SINK, now));
        }
      });
      w.people().forEach((name, performer) -> {
        if (!item.performers().containsKey(performer)) {
          said.add(new Feedback(w.sha256(), item.path(), name, Verdict.REJECT, null, null, SINK, now));
        }
      });
      Set<String> hadOthers = w.others().stream().map(Tag::key).collect(Collectors.toSet());
      for (String name : others(item)) {
        if (!hadOthers.contains(Tag.key(name))) {
          said.add(new Feedback(w.sha256(), item.path(), name, Verdict.ADDED, null, null, SINK, now));
        }
      }
    }
    store.record(said);
    if (!said.isEmpty()) {
      for (StashItem item : items) { // what we compared against is now the person's state
        store.written(SINK, key(item)).ifPresent(w -> store.rememberWritten(SINK, key(item),
            new Written(w.sha256(), w.path(), keep(w.tags(), labels(item, false)), others(item), keep(w.review(), labels(item, true)),
                stillOn(w.people(), item))));
      }
    }
    return said.size();
  }

  /**
   * On an item a person reviewed ({@code AI_reviewed}): each review tag still there is accepted, each one gone is
   * rejected. On an item marked {@code AI_wrong}: each AI tag on it is rejected. Returns how many corrections.
   */
  public int review(StashItem item, boolean wrong) {
    Optional<Written> before = store.written(SINK, key(item));
    if (before.isEmpty()) {
      return 0;
    }
    Written w = before.get();
    List<Feedback> said = new ArrayList<>();
    Instant now = Instant.now();
    Map<String, Double> applied = new LinkedHashMap<>(w.tags());
    if (wrong) {
      for (String label : labels(item, false)) {
        said.add(new Feedback(w.sha256(), item.path(), label, Verdict.REJECT, null, confidence(w.tags(), label), SINK, now));
      }
      applied.clear(); // the review takes the AI tags off
    } else {
      Set<String> kept = labels(item, true);
      w.review().forEach((label, confidence) -> {
        boolean yes = kept.contains(Tag.key(label));
        said.add(new Feedback(w.sha256(), item.path(), label, yes ? Verdict.ACCEPT : Verdict.REJECT, null, confidence, SINK, now));
        if (yes) {
          applied.put(label, confidence); // it becomes label_AI
        }
      });
    }
    store.record(said);
    // what the item carries after the review is what a later run compares against
    store.rememberWritten(SINK, key(item), new Written(w.sha256(), w.path(), applied, w.others(), Map.of(), w.people()));
    return said.size();
  }

  /**
   * Remembers what was just written to an item: its applied and review tags (named people apart), the person's
   * tags beside them, and the performers its named people are (name to performer id).
   */
  public void remember(StashItem item, TagResult result, Map<String, String> people) {
    if (result.sha256() == null) {
      return;
    }
    Map<String, Double> applied = new LinkedHashMap<>();
    result.tags().stream().filter(t -> !StashPeople.isPerson(t)).forEach(t -> applied.put(t.name(), t.confidence()));
    Map<String, Double> review = new LinkedHashMap<>();
    result.review().forEach(t -> review.put(t.name(), t.confidence()));
    store.rememberWritten(SINK, key(item), new Written(result.sha256(), result.path(), applied, others(item), review, people));
  }

  /** The performers we added to this item (their ids), as last remembered; a person's own performers are not among them. */
  public Set<String> addedPerformers(StashItem item) {
    return store.written(SINK, key(item)).map(w -> Set.copyOf(w.people().values())).orElse(Set.of());
  }

  private static Map<String, String> stillOn(Map<String, String> people, StashItem item) {
    Map<String, String> out = new LinkedHashMap<>();
    people.forEach((name, performer) -> {
      if (item.performers().containsKey(performer)) {
        out.put(name, performer);
      }
    });
    return out;
  }

  /** The labels of our tags on the item: its review tags, or its AI tags. */
  private Set<String> labels(StashItem item, boolean review) {
    return item.tags().values().stream()
        .filter(n -> tags.labelOf(n) != null && n.endsWith(StashTags.REVIEW_SUFFIX) == review)
        .map(n -> Tag.key(tags.labelOf(n))).collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private List<String> others(StashItem item) {
    return item.tags().values().stream().filter(n -> !tags.isOurs(n)).sorted().toList();
  }

  private static Map<String, Double> keep(Map<String, Double> written, Set<String> still) {
    Map<String, Double> out = new LinkedHashMap<>();
    written.forEach((label, c) -> {
      if (still.contains(Tag.key(label))) {
        out.put(label, c);
      }
    });
    return out;
  }

  private static Double confidence(Map<String, Double> written, String labelKey) {
    return written.entrySet().stream().filter(e -> Tag.key(e.getKey()).equals(labelKey)).map(Map.Entry::getValue).findFirst().orElse(null);
  }

  static String key(StashItem item) {
    return item.kind().name().toLowerCase(Locale.ROOT) + ":" + item.id();
  }
}
