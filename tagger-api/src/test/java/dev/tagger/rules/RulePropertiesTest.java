package dev.tagger.rules;

import static org.quicktheories.QuickTheory.qt;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.spi.TagRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Properties of rule chains over random tags and random chains of the built-in rules. */
class RulePropertiesTest {
  static final List<String> NAMES = List.of("cat", "tabby", "tiger cat", "dog", "malamute", "sofa", "cup", "espresso", "person", "car");
  static final Source[] SOURCES = {new Source("image-classifier", "imagenet", "1"), new Source("detector", "coco", "1")};
  static final Category[] CATEGORIES = {Category.OBJECT, Category.SCENE, Category.FACE};

  /** Tags from a seed: 0..12 tags with names from a small pool, so merges and collisions happen. */
  static List<Tag> tags(long seed) {
    Random r = new Random(seed);
    List<Tag> out = new ArrayList<>();
    int n = r.nextInt(13);
    for (int i = 0; i < n; i++) {
      out.add(Tag.of(NAMES.get(r.nextInt(NAMES.size())), Math.round(r.nextDouble() * 1000) / 1000.0,
          CATEGORIES[r.nextInt(CATEGORIES.length)], SOURCES[r.nextInt(SOURCES.length)]));
    }
    return out;
  }

  static String pick(Random r) {
    return NAMES.get(r.nextInt(NAMES.size()));
  }

  /** A chain of 0..6 built-in rules chosen from a seed. */
  static List<TagRule> rules(long seed) {
    Random r = new Random(seed);
    List<TagRule> out = new ArrayList<>();
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(10)) {
        case 0 -> out.add(MinConfidenceRule.of(r.nextDouble()));
        case 1 -> out.add(new DenyRule(List.of(pick(r), pick(r))));
        case 2 -> out.add(new VocabularyRule(Map.of("cat", List.of("tabby", "tiger cat"), "dog", List.of("malamute")), List.of(pick(r)), true));
        case 3 -> out.add(VocabularyRule.synonyms(Map.of("cat", List.of("tabby", "tiger cat"), "drink", List.of("espresso", "cup"))));
        case 4 -> out.add(new RenameRule(Map.of(pick(r), pick(r))));
        case 5 -> out.add(new AffixRule("", "_AI"));
        case 6 -> out.add(new CompositeRule(List.of(pick(r), pick(r)), "combo", Category.SCENE));
        case 7 -> out.add(new TopKRule(1 + r.nextInt(3)));
        case 8 -> out.add(new BroaderTermRule(Map.of("cat", List.of("tabby", "tiger cat"), "pet", List.of(pick(r), pick(r)))));
        default -> {
          double a = r.nextDouble();
          double b = r.nextDouble();
          out.add(new ReviewBandRule(Math.min(a, b), Math.max(a, b)));
        }
      }
    }
    return out;
  }

  static Gen<Long> seeds() {
    return SourceDSL.longs().all();
  }

  @Test
  void rulesNeverRaiseConfidence() {
    qt().withExamples(500).forAll(seeds(), seeds()).checkAssert((tagSeed, ruleSeed) -> {
      List<Tag> in = tags(tagSeed);
      for (Tag out : new RuleChain(rules(ruleSeed)).apply(in)) {
        boolean backed = in.stream().anyMatch(i -> out.origins().contains(i.key()) && i.confidence() >= out.confidence());
        if (!backed) {
          throw new AssertionError("tag " + out + " is surer than every input it came from: " + in);
        }
      }
    });
  }

  @Test
  void denyAlwaysWinsOverAllowWhereverItStands() {
    qt().withExamples(500).forAll(seeds(), seeds(), SourceDSL.integers().between(0, 6)).checkAssert((tagSeed, ruleSeed, at) -> {
      String denied = NAMES.get((int) Math.floorMod(tagSeed, NAMES.size()));
      List<TagRule> chain = new ArrayList<>(rules(ruleSeed));
      chain.add(Math.min(at, chain.size()), new DenyRule(List.of(denied)));
      chain.add(VocabularyRule.allow(List.of(denied, "cat", "dog", "combo")));
      for (Tag out : new RuleChain(chain).apply(tags(tagSeed))) {
        if (out.key().equals(denied) || out.origins().contains(denied)) {
          throw new AssertionError("denied '" + denied + "' came out as " + out + " with chain " + chain);
        }
      }
    });
  }

  @Test
  void sameInputInAnyOrderGivesSameOutput() {
    qt().withExamples(500).forAll(seeds(), seeds(), seeds()).checkAssert((tagSeed, ruleSeed, shuffleSeed) -> {
      List<Tag> in = tags(tagSeed);
      List<Tag> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, new Random(shuffleSeed));
      RuleChain chain = new RuleChain(rules(ruleSeed));
      List<Tag> a = chain.apply(in);
      List<Tag> b = chain.apply(shuffled);
      if (!a.equals(b)) {
        throw new AssertionError("order changed the output:\n" + a + "\n" + b);
      }
    });
  }
}
