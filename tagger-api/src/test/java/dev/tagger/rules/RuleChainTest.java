package dev.tagger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleChainTest {
  static final Source IMAGENET = new Source("image-classifier", "imagenet-mobilenetv2-int8", "1");
  static final Source OTHER = new Source("detector", "coco", "1");

  static Tag tag(String name, double confidence) {
    return Tag.of(name, confidence, Category.OBJECT, IMAGENET);
  }

  static List<String> names(List<Tag> tags) {
    return tags.stream().map(Tag::name).toList();
  }

  @Test
  void synonymsFoldCatBreedsIntoCatKeepingTheStrongestConfidenceAndOrigins() {
    RuleChain chain = new RuleChain(List.of(VocabularyRule.synonyms(Map.of("cat", List.of("tabby", "tiger cat", "Egyptian cat")))));
    List<Tag> out = chain.apply(List.of(tag("Egyptian cat", 0.62), tag("tiger cat", 0.20), tag("tabby", 0.17), tag("sofa", 0.1)));
    assertThat(names(out)).containsExactly("cat", "sofa");
    Tag cat = out.get(0);
    assertThat(cat.confidence()).isEqualTo(0.62);
    assertThat(cat.origins()).contains("egyptian cat", "tiger cat", "tabby", "cat");
  }

  @Test
  void broaderTermsAreAddedBesideTheFineGrainedOnes() {
    RuleChain chain = new RuleChain(List.of(new BroaderTermRule(Map.of("dog", List.of("malamute", "Siberian husky")))));
    List<Tag> out = chain.apply(List.of(tag("malamute", 0.86), tag("Siberian husky", 0.03), tag("bicycle", 0.5)));
    assertThat(names(out)).containsExactly("dog", "malamute", "bicycle", "Siberian husky");
    assertThat(out.get(0).confidence()).isEqualTo(0.86);
    assertThat(out.get(0).origins()).contains("malamute", "siberian husky");
  }

  @Test
  void allowListKeepsOnlyTheVocabulary() {
    RuleChain chain = new RuleChain(List.of(new VocabularyRule(Map.of("cat", List.of("tabby")), List.of("dog"), true)));
    assertThat(names(chain.apply(List.of(tag("tabby", 0.5), tag("dog", 0.4), tag("sofa", 0.9))))).containsExactly("cat", "dog");
  }

  @Test
  void denyWinsEvenWhenItStandsBeforeTheSynonymThatProducesTheName() {
    RuleChain chain = new RuleChain(List.of(
        new DenyRule(List.of("cat")),
        new VocabularyRule(Map.of("cat", List.of("tabby")), List.of(), true)));
    assertThat(chain.apply(List.of(tag("tabby", 0.9)))).isEmpty();
  }

  @Test
  void denyIsCaseInsensitiveAndVetoesRenamedTags() {
    RuleChain chain = new RuleChain(List.of(new DenyRule(List.of("Web Site")), new RenameRule(Map.of("web site", "page"))));
    assertThat(chain.apply(List.of(tag("web site", 0.9), tag("dog", 0.5)))).extracting(Tag::name).containsExactly("dog");
  }

  @Test
  void suffixGivesStashStyleNames() {
    RuleChain chain = new RuleChain(List.of(new AffixRule("", "_AI")));
    assertThat(names(chain.apply(List.of(tag("cat", 0.9))))).containsExactly("cat_AI");
  }

  @Test
  void minConfidencePrefersLabelThenAnalyzerThenGlobal() {
    MinConfidenceRule rule = new MinConfidenceRule(0.5, Map.of("cat", 0.9), Map.of("detector", 0.1));
    List<Tag> out = new RuleChain(List.of(rule)).apply(List.of(
        tag("cat", 0.8), tag("dog", 0.6), tag("sofa", 0.4), Tag.of("person", 0.2, Category.OBJECT, OTHER)));
    assertThat(names(out)).containsExactly("dog", "person");
  }

  @Test
  void compositeAddsATagNoSurerThanItsWeakestMember() {
    RuleChain chain = new RuleChain(List.of(new CompositeRule(List.of("cat", "sofa"), "pet_comfort", Category.SCENE)));
    List<Tag> out = chain.apply(List.of(tag("cat", 0.9), tag("sofa", 0.6)));
    assertThat(out).extracting(Tag::name).contains("pet_comfort");
    Tag composite = out.stream().filter(t -> t.name().equals("pet_comfort")).findFirst().orElseThrow();
    assertThat(composite.confidence()).isEqualTo(0.6);
    assertThat(composite.category()).isEqualTo(Category.SCENE);
    assertThat(composite.source().analyzer()).isEqualTo("rule:composite");
    assertThat(chain.apply(List.of(tag("cat", 0.9)))).extracting(Tag::name).containsExactly("cat");
  }

  @Test
  void topKKeepsTheStrongestPerCategory() {
    Tag speech = Tag.of("speech", 0.3, Category.SPEECH, OTHER);
    List<Tag> out = new RuleChain(List.of(new TopKRule(2))).apply(List.of(tag("a", 0.1), tag("b", 0.5), tag("c", 0.4), speech));
    assertThat(names(out)).containsExactly("b", "c", "speech");
  }

  @Test
  void reviewBandMarksUncertainTags() {
    List<Tag> out = new RuleChain(List.of(new ReviewBandRule(0.3, 0.6))).apply(List.of(tag("cat", 0.9), tag("sofa", 0.4), tag("dust", 0.1)));
    assertThat(out).filteredOn(Tag::review).extracting(Tag::name).containsExactly("sofa");
    assertThat(out).filteredOn(t -> !t.review()).extracting(Tag::name).containsExactly("cat", "dust");
  }

  @Test
  void aRuleReturningNullIsNamedInTheError() {
    RuleChain chain = new RuleChain(List.of(tags -> null));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> chain.apply(List.of(tag("cat", 0.5))))
        .hasMessageContaining("returned null");
  }
}
