package dev.tagger.cli.eval;

import dev.tagger.Category;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one dev-set run: per analyzer and overall, the precision of the applied tags (share a
 * person accepts), the recall of must-have tags, tags per item, face tags on items with no people, scene
 * precision and recall, and a reliability table (confidence bin → observed precision).
 */
public final class AccuracyReport {
  /** One judged tag. */
  public record Judged(DevSet.Item item, Tag tag, boolean accepted) {}

  private final List<Judged> applied = new ArrayList<>();
  private final List<Judged> review = new ArrayList<>();
  private int items;
  private int failed;
  private int must;
  private int mustFound;
  private int noPeople;
  private int noPeopleWithFace;
  private int sceneWanted;
  private int sceneFound;

  /** The scene words of the labelling guide that recall is measured on. */
  static final List<String> SCENES = List.of("beach", "sea", "lake", "river", "waterfall", "mountain", "forest", "snow",
      "desert", "field", "garden", "park", "city", "city street", "skyline", "sunset", "night", "underwater", "kitchen",
      "living room", "bedroom", "bathroom", "dining room", "office", "restaurant", "shop", "farm", "road", "bridge", "church", "castle",
      "monument", "indoor", "outdoor");

  public void add(DevSet.Item item, TagResult result) {
    items++;
    if (!result.succeeded()) {
      failed++;
    }
    for (Tag t : result.tags()) {
      applied.add(new Judged(item, t, item.accepts(t.name())));
    }
    for (Tag t : result.review()) {
      review.add(new Judged(item, t, item.accepts(t.name())));
    }
    for (var names : item.must()) {
      must++;
      if (result.tags().stream().anyMatch(t -> names.contains(DevSet.norm(t.name())))) {
        mustFound++;
      }
    }
    if (item.hasNoPeople()) {
      noPeople++;
      if (result.tags().stream().anyMatch(t -> t.category() == Category.FACE)) {
        noPeopleWithFace++;
      }
    }
    for (var names : item.accept()) {
      if (names.stream().anyMatch(SCENES::contains)) {
        sceneWanted++;
        if (result.tags().stream().anyMatch(t -> names.contains(DevSet.norm(t.name())))) {
          sceneFound++;
        }
      }
    }
  }

  /** Takes in another run's items, as if they had been added here. */
  public void addAll(AccuracyReport other) {
    applied.addAll(other.applied);
    review.addAll(other.review);
    items += other.items;
    failed += other.failed;
    must += other.must;
    mustFound += other.mustFound;
    noPeople += other.noPeople;
    noPeopleWithFace += other.noPeopleWithFace;
    sceneWanted += other.sceneWanted;
    sceneFound += other.sceneFound;
  }

  public List<Judged> applied() {
    return applied;
  }

  public List<Judged> review() {
    return review;
  }

  public double precision() {
    return ratio(applied.stream().filter(Judged::accepted).count(), applied.size());
  }

  public double mustRecall() {
    return ratio(mustFound, must);
  }

  public double noFaceOnNegatives() {
    return 1 - ratio(noPeopleWithFace, noPeople);
  }

  public void print(PrintStream out, String title) {
    out.printf(Locale.ROOT, "%n== %s: %d items (%d failed) ==%n", title, items, failed);
    out.printf(Locale.ROOT, "%-18s %6s %9s %9s %8s%n", "analyzer", "tags", "accepted", "precision", "per item");
    Map<String, int[]> per = new TreeMap<>();
    for (Judged j : applied) {
      int[] c = per.computeIfAbsent(j.tag().source().analyzer(), k -> new int[2]);
      c[0]++;
      c[1] += j.accepted() ? 1 : 0;
    }
    per.forEach((a, c) -> out.printf(Locale.ROOT, "%-18s %6d %9d %9.3f %8.2f%n", a, c[0], c[1], ratio(c[1], c[0]), c[0] / (double) items));
    long ok = applied.stream().filter(Judged::accepted).count();
    out.printf(Locale.ROOT, "%-18s %6d %9d %9.3f %8.2f%n", "overall", applied.size(), ok, precision(), applied.size() / (double) items);
    out.printf(Locale.ROOT, "must-have recall: %.3f (%d of %d)%n", mustRecall(), mustFound, must);
    out.printf(Locale.ROOT, "items with no people and no face tag: %.3f (%d of %d carry a face tag)%n", noFaceOnNegatives(), noPeopleWithFace, noPeople);
    List<Judged> scenes = applied.stream().filter(j -> j.tag().category() == Category.SCENE).toList();
    out.printf(Locale.ROOT, "scenes: precision %.3f (%d tags), recall %.3f (%d of %d scene words labelled)%n",
        ratio(scenes.stream().filter(Judged::accepted).count(), scenes.size()), scenes.size(), ratio(sceneFound, sceneWanted), sceneFound, sceneWanted);
    out.printf(Locale.ROOT, "review list: %d tags, %.3f of them accepted%n", review.size(), ratio(review.stream().filter(Judged::accepted).count(), review.size()));
    out.println("reliability (applied and review tags): confidence bin -> tags, observed precision");
    int[][] bins = new int[10][2];
    for (List<Judged> list : List.of(applied, review)) {
      for (Judged j : list) {
        int b = Math.min(9, (int) (j.tag().confidence() * 10));
        bins[b][0]++;
        bins[b][1] += j.accepted() ? 1 : 0;
      }
    }
    for (int b = 0; b < 10; b++) {
      if (bins[b][0] > 0) {
        out.printf(Locale.ROOT, "  %.1f-%.1f %6d %7.3f%n", b / 10.0, (b + 1) / 10.0, bins[b][0], ratio(bins[b][1], bins[b][0]));
      }
    }
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }
}
