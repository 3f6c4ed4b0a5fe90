package dev.tagger.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundCorpusTest {
  @Test
  void theShippedCountsRankEverydayWordsAsCommonAndSpecificWordsAsRare() {
    BackgroundCorpus semcor = BackgroundCorpus.semcor();
    assertThat(semcor.count("time")).isGreaterThan(500);
    assertThat(semcor.count("Time")).isEqualTo(semcor.count("time"));
    assertThat(semcor.count("canyon")).isBetween(1, 20);
    assertThat(semcor.count("xylophonist-zzz")).isZero();
    assertThat(semcor.rarity("xylophonist-zzz")).isEqualTo(1.0);
    assertThat(semcor.rarity("time")).isLessThan(semcor.rarity("river")).isGreaterThan(0);
    assertThat(semcor.rarity("river")).isLessThan(semcor.rarity("canyon"));
    assertThat(semcor.phraseRarity("grand canyon")).isGreaterThan(semcor.rarity("grand")).isLessThan(semcor.rarity("canyon"));
  }

  @Test
  void rarityIsInverseCorpusFrequencyScaledToOne() {
    BackgroundCorpus c = new BackgroundCorpus(Map.of("a", 99, "b", 0));
    // total 99: rarity = ln(100 / (count + 1)) / ln(100)
    assertThat(c.rarity("a")).isEqualTo(0.0);
    assertThat(c.rarity("b")).isEqualTo(1.0);
    assertThat(c.rarity("c")).isEqualTo(1.0);
  }

  @Test
  void aKeywordSaidMoreOftenScoresHigherAndScoresStayBelowCertainty() {
    KeywordAnalyzer k = new KeywordAnalyzer();
    assertThat(k.score("canyon", 2)).isGreaterThan(k.score("canyon", 1));
    assertThat(k.score("canyon", 1)).isGreaterThan(k.score("time", 1));
    assertThat(k.score("zzz", 1000)).isEqualTo(0.95);
  }
}
