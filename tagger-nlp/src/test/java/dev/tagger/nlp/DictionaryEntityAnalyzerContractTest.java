package dev.tagger.nlp;

import dev.tagger.spi.Analyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer contract for {@link DictionaryEntityAnalyzer}: countries from the bundled list in the item's own text. */
class DictionaryEntityAnalyzerContractTest extends TextAnalyzerContractKit {
  @TempDir
  static Path dir;

  static Analyzer analyzer;

  @BeforeAll
  static void open() throws Exception {
    analyzer = new DictionaryEntityAnalyzer(EntityDictionary.countries());
  }

  @Override
  protected Analyzer analyzer() {
    return analyzer;
  }
}
