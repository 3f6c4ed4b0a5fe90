package dev.tagger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileTest {
  static final Source S = new Source("image-classifier", "imagenet", "1");

  @Test
  void yamlFileBuildsTheChainInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, """
        rules:
          - synonyms: {cat: [tabby, tiger cat, Egyptian cat]}
          - minConfidence: {global: 0.1, labels: {sofa: 0.5}}
          - deny: [web site]
          - composite: {all: [cat, sofa], add: pet_comfort, category: scene}
          - review: {from: 0.1, to: 0.3}
          - affix: {suffix: _AI}
        """);
    RuleChain chain = RuleFile.load(file);
    List<Tag> out = chain.apply(List.of(Tag.of("tabby", 0.8, Category.OBJECT, S), Tag.of("sofa", 0.6, Category.OBJECT, S),
        Tag.of("web site", 0.9, Category.OBJECT, S), Tag.of("cup", 0.2, Category.OBJECT, S), Tag.of("dust", 0.05, Category.OBJECT, S)));
    assertThat(out).filteredOn(t -> !t.review()).extracting(Tag::name).containsExactly("cat_AI", "pet_comfort_AI", "sofa_AI");
    assertThat(out).filteredOn(Tag::review).extracting(Tag::name).containsExactly("cup_AI");
  }

  @Test
  void jsonWorksToo() {
    RuleChain chain = RuleFile.parse("rules.json", "{\"rules\": [{\"allow\": [\"cat\"]}, {\"topK\": 1}]}");
    assertThat(chain.rules()).hasSize(2);
  }

  @Test
  void errorsNameTheFileTheFieldAndTheProblem() {
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules:\n  - review: {from: abc, to: 0.5}\n"))
        .isInstanceOf(RuleFileException.class)
        .hasMessage("r.yml: rules[0].review.from: expected a number in [0, 1], got \"abc\"");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules:\n  - minConfidence: 1.5\n"))
        .hasMessage("r.yml: rules[0].minConfidence: expected a number in [0, 1], got 1.5");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules:\n  - blur: 3\n"))
        .hasMessageStartingWith("r.yml: rules[0]: unknown rule 'blur'");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules:\n  - composite: {all: [cat]}\n"))
        .hasMessage("r.yml: rules[0].composite.add: missing");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules:\n  - topK: 0\n"))
        .hasMessage("r.yml: rules[0].topK: expected a whole number >= 1, got 0");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rulez: []\n"))
        .hasMessageStartingWith("r.yml: rulez: unknown field");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules: [ {deny: [cat] \n"))
        .hasMessageStartingWith("r.yml: not valid YAML or JSON");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", "rules:\n  - review: {from: 0.6, to: 0.2}\n"))
        .hasMessage("r.yml: rules[0].review: review band needs from <= to, got from=0.6, to=0.2");
    assertThatThrownBy(() -> RuleFile.parse("r.yml", ""))
        .hasMessageContaining("file is empty");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yml");
    assertThatThrownBy(() -> RuleFile.load(missing)).hasMessage(missing + ": no such rules file");
  }
}
