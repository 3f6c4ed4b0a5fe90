package dev.tagger.policy;

import dev.tagger.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a tag sits in a tree a person can browse: {@code animal > mammal > dog > malamute},
 * {@code food > fruit > banana}, {@code scene > mountain}, {@code sound > dog}. Things take WordNet's
 * hypernym path ({@link ImageNetTaxonomy}) cut down to the levels people browse by (animal, mammal, bird,
 * vehicle, furniture, tool…), then the everyday word, then the fine-grained class when the tag names one.
 * Written by the sinks: XMP {@code lr:hierarchicalSubject} and, as an option, Stash parent tags. Immutable
 * and thread-safe.
 */
public final class TagHierarchy {
  /** WordNet levels kept in a path, with the word a person uses for them. */
  private static final Map<String, String> LEVELS = Map.ofEntries(
      Map.entry("animal", "animal"), Map.entry("mammal", "mammal"), Map.entry("bird", "bird"),
      Map.entry("fish", "fish"), Map.entry("reptile", "reptile"), Map.entry("amphibian", "amphibian"),
      Map.entry("insect", "insect"), Map.entry("arachnid", "arachnid"), Map.entry("crustacean", "crustacean"),
      Map.entry("mollusk", "mollusk"), Map.entry("primate", "primate"), Map.entry("food", "food"),
      Map.entry("edible fruit", "fruit"), Map.entry("vegetable", "vegetable"), Map.entry("dish", "dish"),
      Map.entry("vehicle", "vehicle"), Map.entry("furniture", "furniture"), Map.entry("tool", "tool"),
      Map.entry("container", "container"), Map.entry("device", "device"), Map.entry("clothing", "clothing"),
      Map.entry("musical instrument", "musical instrument"), Map.entry("building", "building"),
      Map.entry("structure", "structure"), Map.entry("plant", "plant"), Map.entry("fungus", "fungus"));
  /** Detector labels (COCO, VOC spellings) that are not an ImageNet everyday word, with the word that is. */
  private static final Map<String, String> DETECTOR_WORDS = Map.of("motorbike", "motorcycle", "aeroplane", "airliner",
      "tvmonitor", "television", "pottedplant", "pot", "diningtable", "dining table");

  private static final TagHierarchy DEFAULT = new TagHierarchy(ImageNetTaxonomy.defaults());
  private final ImageNetTaxonomy taxonomy;
  private final Map<String, List<String>> byEveryday = new HashMap<>();

  private TagHierarchy(ImageNetTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
    for (ImageNetTaxonomy.Entry e : taxonomy.entries()) {
      byEveryday.merge(e.everyday(), levels(e.path(), e.everyday()), TagHierarchy::shorter);
    }
    for (ImageNetTaxonomy.Entry e : taxonomy.entries()) { // words inside paths too (sofa in studio couch's)
      for (String node : e.path()) {
        byEveryday.putIfAbsent(node, levels(e.path(), node));
      }
    }
  }

  public static TagHierarchy defaults() {
    return DEFAULT;
  }

  /**
   * The tag's path from the root to the tag itself, at least one element (the tag's name); scenes under
   * {@code scene}, sounds under {@code sound}, faces and people counts under {@code people}.
   */
  public List<String> path(Tag tag) {
    String name = tag.key();
    return switch (tag.category()) {
      case SCENE -> List.of("scene", name);
      case SOUND -> List.of("sound", name);
      case FACE -> List.of("people", name);
      case OBJECT -> thing(tag);
      default -> List.of(tag.name());
    };
  }

  private List<String> thing(Tag tag) {
    String name = tag.key();
    Optional<ImageNetTaxonomy.Entry> own = taxonomy.get(name);
    if (own.isPresent() && own.get().isFineGrained()) {
      List<String> p = new ArrayList<>(byEveryday.getOrDefault(own.get().everyday(), List.of(own.get().everyday())));
      p.add(name);
      return List.copyOf(p);
    }
    List<String> p = byEveryday.get(name);
    if (p == null) {
      p = byEveryday.get(DETECTOR_WORDS.getOrDefault(name, name));
      if (p != null) {
        p = new ArrayList<>(p.subList(0, p.size() - 1));
        p.add(name);
      }
    }
    return p == null ? List.of(name) : List.copyOf(p);
  }

  private static List<String> shorter(List<String> a, List<String> b) {
    return a.size() <= b.size() ? a : b;
  }

  /** The kept levels of a hypernym path, ending at the everyday word. */
  private static List<String> levels(List<String> path, String everyday) {
    List<String> out = new ArrayList<>();
    for (String node : path) {
      if (node.equals(everyday)) {
        break;
      }
      String level = LEVELS.get(node);
      if (level != null && !out.contains(level)) {
        out.add(level);
      }
    }
    out.remove(everyday);
    out.add(everyday);
    return List.copyOf(out);
  }
}
