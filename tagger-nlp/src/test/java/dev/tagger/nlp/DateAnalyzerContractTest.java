package dev.tagger.nlp;

import dev.tagger.spi.Analyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer contract for {@link DateAnalyzer}: dates in the item's own text. */
class DateAnalyzerContractTest extends TextAnalyzerContractKit {
  @TempDir
  static Path dir;

  static Analyzer analyzer;

  @BeforeAll
  static void open() throws Exception {
    analyzer = new DateAnalyzer();
  }

  @Override
  protected Analyzer analyzer() {
    return analyzer;
  }
}
