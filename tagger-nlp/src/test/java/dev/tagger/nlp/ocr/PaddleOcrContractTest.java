package dev.tagger.nlp.ocr;

import dev.tagger.spi.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@link PaddleOcr} on the real models (complete info, provenance, deterministic and thread-safe). */
class PaddleOcrContractTest extends OcrAnalyzerContractKit {
  static PaddleOcr ocr;

  @BeforeAll
  static void open() {
    ocr = new PaddleOcr();
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
