package dev.tagger.nlp.ocr;

import dev.tagger.spi.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@link MergedOcr} on the real models (complete info, provenance, deterministic and thread-safe). */
class MergedOcrContractTest extends OcrAnalyzerContractKit {
  static MergedOcr ocr;

  @BeforeAll
  static void open() {
    ocr = new MergedOcr(new TesseractOcr(), new PaddleOcr(), java.time.Duration.ofMinutes(1));
  }

  @AfterAll
  static void close() {
    ocr.close();
  }

  @Override
  protected Analyzer analyzer() {
    return ocr;
  }
}
