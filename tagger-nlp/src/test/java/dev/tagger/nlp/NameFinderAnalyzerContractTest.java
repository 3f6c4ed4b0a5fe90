package dev.tagger.nlp;

import dev.tagger.spi.Analyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer contract for {@link NameFinderAnalyzer}: people found by a name-finder model a user trained (OpenNLP, trained here on a made-up corpus). */
class NameFinderAnalyzerContractTest extends TextAnalyzerContractKit {
  @TempDir
  static Path dir;

  static Analyzer analyzer;

  @BeforeAll
  static void open() throws Exception {
    analyzer = new NameFinderAnalyzer(NameFinderAnalyzerTest.trainModel(dir), 0.3);
  }

  @Override
  protected Analyzer analyzer() {
    return analyzer;
  }
}
