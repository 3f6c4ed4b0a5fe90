package dev.tagger.nlp;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract on the real OpenNLP models: keywords from the item's own text (here its file name). */
class KeywordAnalyzerContractTest extends AnalyzerContractKit {
  static KeywordAnalyzer keywords;

  @BeforeAll
  static void open() {
    keywords = new KeywordAnalyzer();
  }

  @AfterAll
  static void close() {
    // nothing to close: the OpenNLP models are shared and held by the JVM
  }

  @Override
  protected Analyzer analyzer() {
    return keywords;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("coffee-cup.png")));
  }
}
