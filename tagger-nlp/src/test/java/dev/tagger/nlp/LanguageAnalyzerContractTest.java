package dev.tagger.nlp;

import dev.tagger.spi.Analyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer contract for {@link LanguageAnalyzer}: the language of the item's own text, on the real OpenNLP language model. */
class LanguageAnalyzerContractTest extends TextAnalyzerContractKit {
  @TempDir
  static Path dir;

  static Analyzer analyzer;

  @BeforeAll
  static void open() throws Exception {
    analyzer = new LanguageAnalyzer();
  }

  @Override
  protected Analyzer analyzer() {
    return analyzer;
  }
}
