package dev.tagger.feedback;

import dev.tagger.Tag;
import dev.tagger.TagResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review list ordered by how much a person's answer would teach: a tag whose label is uncertain (its
 * estimated acceptance {@code p} near one half), little judged so far ({@code n} verdicts near its
 * confidence) and frequent in the batch (it appears on {@code f} items, so an answer about it helps many)
 * comes first. The score is {@code f * p * (1 - p) / (priorStrength + n + 1)}: the expected change of the
 * label's estimate from one more answer, times how often it matters. Tags a person already judged on their
 * item are left out.
 */
public final class ReviewQueue {
  /** One question for a person: is this tag right on this item? */
  public record Entry(String sha256, String path, Tag tag, double acceptance, double score) {}

  private ReviewQueue() {}

  /** The review tags of these results, most informative first. */
  public static List<Entry> order(List<TagResult> results, FeedbackStore store) {
    LabelLearning learning = LabelLearning.from(store.all(), LabelLearning.DEFAULT_PRIOR_STRENGTH);
    Map<String, Integer> frequency = new HashMap<>();
    for (TagResult r : results) {
      List<Tag> all = new ArrayList<>(r.tags());
      all.addAll(r.review());
      all.stream().map(Tag::key).distinct().forEach(k -> frequency.merge(k, 1, Integer::sum));
    }
    List<Entry> out = new ArrayList<>();
    for (TagResult r : results) {
      if (r.sha256() == null) {
        continue;
      }
      for (Tag t : r.review()) {
        if (store.verdict(r.sha256(), t.key()).isPresent()) {
          continue;
        }
        double p = learning.acceptance(t.key(), t.confidence());
        int n = learning.judgedNear(t.key(), t.confidence());
        double score = frequency.getOrDefault(t.key(), 1) * p * (1 - p) / (learning.priorStrength() + n + 1);
        out.add(new Entry(r.sha256(), r.path(), t, p, score));
      }
    }
    out.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(Entry::path).thenComparing(e -> e.tag().key()));
    return out;
  }

  /** The items whose review tags teach the most, best first: each item scored by its best question. */
  public static List<String> items(List<Entry> ordered) {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    ordered.forEach(e -> seen.putIfAbsent(e.path(), true));
    return List.copyOf(seen.keySet());
  }
}
