package dev.tagger.policy;

import dev.tagger.Category;
import dev.tagger.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scenes from objects seen together (a sofa and a tv: living room; a bed: bedroom; a traffic light: city
 * street), and whether a scene is indoor or outdoor, from the bundled {@code scenes.tsv}. A scene from
 * objects is as sure as its weaker cue; the calibration then maps it like any tag. Immutable and thread-safe.
 */
final class SceneRules {
  static final String INDOOR = "indoor";
  static final String OUTDOOR = "outdoor";

  private record Rule(String scene, List<String> cues, Set<String> strong) {}

  private static final SceneRules DEFAULT = load();
  private final List<Rule> rules;
  private final Map<String, String> places;

  private SceneRules(List<Rule> rules, Map<String, String> places) {
    this.rules = List.copyOf(rules);
    this.places = Map.copyOf(places);
  }

  static SceneRules defaults() {
    return DEFAULT;
  }

  /** {@code indoor}, {@code outdoor}, or empty when the scene can be either or is unknown. */
  Optional<String> place(String scene) {
    String p = places.get(Tag.key(scene));
    return p == null || p.equals("-") ? Optional.empty() : Optional.of(p);
  }

  /** Scene tags that the detector's objects show, each from the surest cues, attributed to the detector. */
  List<Tag> fromObjects(List<Tag> detected) {
    Map<String, Tag> best = new HashMap<>();
    for (Tag t : detected) {
      best.merge(t.key(), t, (a, b) -> b.confidence() > a.confidence() ? b : a);
    }
    Map<String, Tag> out = new LinkedHashMap<>();
    for (Rule r : rules) {
      List<Tag> cues = r.cues().stream().map(best::get).filter(java.util.Objects::nonNull)
          .sorted(Comparator.comparingDouble(Tag::confidence).reversed()).toList();
      double conf = 0;
      for (Tag c : cues) {
        if (r.strong().contains(c.key())) {
          conf = Math.max(conf, c.confidence());
        }
      }
      if (cues.size() >= 2) {
        conf = Math.max(conf, cues.get(1).confidence());
      }
      if (conf > 0) {
        Tag source = cues.get(0);
        Set<String> origins = new java.util.TreeSet<>();
        cues.forEach(c -> origins.add(c.key()));
        out.put(r.scene(), new Tag(r.scene(), conf, Category.SCENE, source.source(), source.share(), 1, source.segments(),
            List.of(), origins, false));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static SceneRules load() {
    List<Rule> rules = new ArrayList<>();
    Map<String, String> places = new HashMap<>();
    for (String[] f : TsvResource.rows("scenes.tsv")) {
      places.put(Tag.key(f[0]), f[1]);
      if (f.length > 2 && !f[2].isBlank()) {
        List<String> cues = new ArrayList<>();
        Set<String> strong = new java.util.HashSet<>();
        for (String cue : f[2].split(",")) {
          cue = cue.strip();
          boolean isStrong = cue.endsWith("!");
          String name = Tag.key(isStrong ? cue.substring(0, cue.length() - 1) : cue);
          cues.add(name);
          if (isStrong) {
            strong.add(name);
          }
        }
        rules.add(new Rule(Tag.key(f[0]), List.copyOf(cues), Set.copyOf(strong)));
      }
    }
    return new SceneRules(rules, places);
  }
}
