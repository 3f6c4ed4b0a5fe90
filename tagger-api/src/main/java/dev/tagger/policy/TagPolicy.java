package dev.tagger.policy;

import dev.tagger.Category;
import dev.tagger.Evidence;
import dev.tagger.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default tag policy: what of an item's analysis reaches a person, decided in one place for every
 * entry point. In order:
 * <ol>
 *   <li>faces count only when the detector's own score reaches {@link PolicyOptions#faceFloor()}; an item
 *       whose best face is weaker loses every face tag (count, expressions);</li>
 *   <li>whole-image classes keep only the head of the distribution: at or above a share of the top class and
 *       an absolute floor;</li>
 *   <li>each class is named the way a person names it ({@link ImageNetTaxonomy}: fox squirrel → squirrel),
 *       with at most one breed or species beside it, and only when sure; classes that show a scene also give
 *       the scene word (alp → mountain);</li>
 *   <li>objects seen together give a scene (sofa and tv: living room), and scenes give indoor or outdoor
 *       ({@link SceneRules});</li>
 *   <li>models agree or conflict: a detector's animal that the classifier's animal lies under (dog,
 *       malamute) gains confidence, one the classifier contradicts (dog on a hare) goes to review, and
 *       different animals on one box keep only the surest;</li>
 *   <li>confidences are {@link Calibration calibrated} (the probability that a person accepts the tag), and
 *       tags are applied, sent to review, or dropped by {@link PolicyOptions#minConfidence()} and
 *       {@link PolicyOptions#reviewFrom()}.</li>
 * </ol>
 * Runs before the rules (vocabularies, a user's rules file). Immutable and thread-safe.
 */
public final class TagPolicy {
  /** Analyzer ids the per-category checks apply to. */
  static final String CLASSIFIER = "image-classifier";
  static final String DETECTOR = "object-detector";
  static final String FACES = "faces";
  private static final Set<String> COCO_ANIMALS = Set.of("dog", "cat", "horse", "sheep", "cow", "bear", "bird", "elephant",
      "zebra", "giraffe");

  private static final TagPolicy NONE = new TagPolicy(null, Calibration.none(), ImageNetTaxonomy.defaults());
  private final PolicyOptions options;
  private final Calibration calibration;
  private final ImageNetTaxonomy taxonomy;
  private final SceneRules scenes = SceneRules.defaults();
  private final boolean passThrough;

  private TagPolicy(PolicyOptions options, Calibration calibration, ImageNetTaxonomy taxonomy) {
    this.passThrough = options == null;
    this.options = options == null ? PolicyOptions.DEFAULT : options;
    this.calibration = calibration;
    this.taxonomy = taxonomy;
  }

  /** Tags pass as the analyzers gave them (the rules still apply). */
  public static TagPolicy none() {
    return NONE;
  }

  /** The default policy with the bundled calibration. */
  public static TagPolicy defaults() {
    return of(PolicyOptions.DEFAULT, Calibration.defaults());
  }

  public static TagPolicy of(PolicyOptions options, Calibration calibration) {
    return new TagPolicy(options, calibration, ImageNetTaxonomy.defaults());
  }

  public PolicyOptions options() {
    return options;
  }

  /** Identifies the policy in cache keys and reports. */
  public String fingerprint() {
    return passThrough ? "none" : options.fingerprint() + "," + calibration.fingerprint();
  }

  /**
   * The item's tags after the policy: applied ones, and ones marked {@link Tag#review()}; dropped ones are
   * gone. Tags keep their raw names in {@link Tag#origins()}.
   */
  public List<Tag> apply(List<Tag> tags) {
    if (passThrough) {
      return tags;
    }
    List<Tag> cased = new ArrayList<>(tags.stream().map(TagPolicy::everydayCase).toList());
    cased.addAll(scenes.fromObjects(cased.stream().filter(t -> t.source().analyzer().equals(DETECTOR)).toList()));
    List<Tag> kept = faces(cased);
    kept = classes(kept);
    kept = agreement(kept);
    kept = places(kept);
    List<Tag> out = new ArrayList<>();
    for (Tag t : merged(kept)) {
      double c = t.confidence();
      if (c >= options.minConfidence() && !t.review()) {
        out.add(t.withReview(false));
      } else if (c >= options.reviewFrom()) {
        out.add(t.withReview(true));
      }
    }
    return out;
  }

  /** Lower case for the names of things, sounds and faces; names of people, places and words read keep theirs. */
  private static Tag everydayCase(Tag t) {
    boolean thing = switch (t.category()) {
      case OBJECT, SCENE, FACE, SOUND -> true;
      default -> false;
    };
    return thing && !t.name().equals(t.key()) ? t.withName(t.key()) : t;
  }

  private List<Tag> faces(List<Tag> tags) {
    Optional<Tag> face = tags.stream().filter(t -> t.source().analyzer().equals(FACES) && t.key().equals("face")).findFirst();
    boolean believed = face.isPresent() && face.get().confidence() >= options.faceFloor();
    List<Tag> out = new ArrayList<>();
    for (Tag t : tags) {
      if (t.source().analyzer().equals(FACES) && t.category() == Category.FACE) {
        if (believed) {
          out.add(calibrated(t));
        }
      } else if (!t.source().analyzer().equals(CLASSIFIER)) {
        out.add(calibrated(t));
      } else {
        out.add(t); // classes are calibrated after the tail cut, which reads their raw scores
      }
    }
    return out;
  }

  private Tag calibrated(Tag t) {
    return t.withConfidence(calibration.map(t));
  }

  /** Whole-image classes: the tail cut on raw scores, then everyday names, one fine-grained name, scenes. */
  private List<Tag> classes(List<Tag> tags) {
    List<Tag> classes = tags.stream().filter(t -> t.source().analyzer().equals(CLASSIFIER))
        .sorted(Comparator.comparingDouble(Tag::confidence).reversed()).toList();
    if (classes.isEmpty()) {
      return tags;
    }
    double top = classes.get(0).confidence();
    double floor = Math.max(options.classTailAbsolute(), options.classTailRelative() * top);
    List<Tag> out = new ArrayList<>(tags.stream().filter(t -> !t.source().analyzer().equals(CLASSIFIER)).toList());
    Map<String, Tag> everyday = new LinkedHashMap<>();
    boolean first = true;
    for (Tag raw : classes) {
      if (raw.confidence() < floor) {
        break;
      }
      Tag t = calibrated(raw);
      Optional<ImageNetTaxonomy.Entry> e = taxonomy.get(raw.name());
      String word = e.map(ImageNetTaxonomy.Entry::everyday).orElse(raw.key());
      if (e.isPresent() && e.get().isFineGrained()) {
        if (first && t.confidence() >= options.fineGrainedMin()) {
          out.add(t.withName(raw.key()));
        }
      }
      Tag named = t.withName(word);
      everyday.merge(word, named, TagPolicy::strongerWithOrigins);
      if (e.isPresent() && !e.get().scene().isEmpty()) {
        Tag scene = new Tag(e.get().scene(), t.confidence(), Category.SCENE, t.source(), t.share(), 1, t.segments(),
            List.of(), Set.of(raw.key()), false);
        everyday.merge(e.get().scene() + "\u0000scene", scene, TagPolicy::stronger);
      }
      first = false;
    }
    out.addAll(everyday.values());
    return out;
  }

  /**
   * Indoor or outdoor from the scenes (a mountain is outdoors, a kitchen indoors) and from the objects that
   * say it by themselves (a boat, a traffic light); when both are claimed, only a clearly surer one stays.
   */
  private List<Tag> places(List<Tag> tags) {
    Map<String, Tag> place = new LinkedHashMap<>();
    List<Tag> out = new ArrayList<>();
    for (Tag t : tags) {
      boolean isPlace = t.category() == Category.SCENE
          && (t.key().equals(SceneRules.INDOOR) || t.key().equals(SceneRules.OUTDOOR));
      if (isPlace) {
        place.merge(t.key(), t, TagPolicy::strongerWithOrigins);
        continue;
      }
      out.add(t);
      if (t.category() == Category.SCENE) {
        scenes.place(t.key()).ifPresent(p -> place.merge(p, t.withName(p), TagPolicy::strongerWithOrigins));
      }
    }
    Tag in = place.get(SceneRules.INDOOR);
    Tag outdoor = place.get(SceneRules.OUTDOOR);
    if (in != null && outdoor != null) {
      double margin = 0.2;
      Tag keep = in.confidence() >= outdoor.confidence() + margin ? in
          : outdoor.confidence() >= in.confidence() + margin ? outdoor : null;
      place.clear();
      if (keep != null) {
        place.put(keep.key(), keep);
      }
    }
    out.addAll(place.values());
    return out;
  }

  /** The classifier's surest animal against the detector's animals; several animals on one box keep one. */
  private List<Tag> agreement(List<Tag> tags) {
    Optional<Tag> classAnimal = tags.stream()
        .filter(t -> t.source().analyzer().equals(CLASSIFIER) && t.category() != Category.SCENE)
        .filter(t -> t.origins().stream().anyMatch(o -> taxonomy.get(o).map(ImageNetTaxonomy.Entry::isAnimal).orElse(false)))
        .max(Comparator.comparingDouble(Tag::confidence));
    List<Tag> animals = tags.stream()
        .filter(t -> t.source().analyzer().equals(DETECTOR) && COCO_ANIMALS.contains(t.key()))
        .sorted(Comparator.comparingDouble(Tag::confidence).reversed()).toList();
    Set<Tag> dropped = new HashSet<>();
    for (int i = 0; i < animals.size(); i++) {
      for (int j = i + 1; j < animals.size(); j++) {
        if (sameBox(animals.get(i), animals.get(j))) {
          dropped.add(animals.get(j));
        }
      }
    }
    List<Tag> out = new ArrayList<>();
    for (Tag t : tags) {
      if (dropped.contains(t)) {
        continue;
      }
      if (classAnimal.isPresent() && animals.contains(t)) {
        Tag c = classAnimal.get();
        boolean agrees = c.origins().stream().anyMatch(o -> taxonomy.get(o).map(e -> e.isA(t.key())).orElse(false))
            || c.key().equals(t.key());
        if (agrees) {
          double both = 1 - (1 - t.confidence()) * (1 - c.confidence());
          out.add(t.withConfidence(Math.min(0.99, both)));
          continue;
        }
        if (c.confidence() >= options.conflictMin()) {
          out.add(t.withReview(true));
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private static boolean sameBox(Tag a, Tag b) {
    for (Evidence ea : a.evidence()) {
      for (Evidence eb : b.evidence()) {
        if (ea.box() != null && eb.box() != null && java.util.Objects.equals(ea.span(), eb.span()) && ea.box().iou(eb.box()) > 0.5) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Tags of the same name and category become one: the surest, with every origin; two models naming the
   * same thing (the detector's dog, the classifier's dog) raise it as independent evidence would.
   */
  private static List<Tag> merged(List<Tag> tags) {
    Map<String, Tag> byName = new LinkedHashMap<>();
    Map<String, Set<String>> analyzers = new LinkedHashMap<>();
    for (Tag t : tags) {
      String k = t.key() + "\u0000" + t.category();
      Tag prev = byName.get(k);
      analyzers.computeIfAbsent(k, x -> new TreeSet<>()).add(t.source().analyzer());
      if (prev == null) {
        byName.put(k, t);
        continue;
      }
      Tag strong = stronger(prev, t);
      Tag weak = strong == prev ? t : prev;
      TreeSet<String> origins = new TreeSet<>(strong.origins());
      origins.addAll(weak.origins());
      double c = strong.confidence();
      if (!strong.source().analyzer().equals(weak.source().analyzer()) && !weak.review()) {
        c = Math.min(0.99, 1 - (1 - c) * (1 - weak.confidence()));
      }
      byName.put(k, strong.withOrigins(origins).withConfidence(Math.max(strong.confidence(), c))
          .withReview(strong.review() && weak.review()));
    }
    return new ArrayList<>(byName.values());
  }

  private static Tag strongerWithOrigins(Tag a, Tag b) {
    TreeSet<String> origins = new TreeSet<>(a.origins());
    origins.addAll(b.origins());
    return stronger(a, b).withOrigins(origins);
  }

  private static Tag stronger(Tag a, Tag b) {
    return b.confidence() > a.confidence() ? b : a;
  }
}
