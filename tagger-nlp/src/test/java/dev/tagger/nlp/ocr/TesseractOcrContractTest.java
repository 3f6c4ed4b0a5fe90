package dev.tagger.nlp.ocr;

import dev.tagger.spi.Analyzer;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@link TesseractOcr} on the real models (complete info, provenance, deterministic and thread-safe). */
class TesseractOcrContractTest extends OcrAnalyzerContractKit {
  static TesseractOcr ocr;

  @BeforeAll
  static void open() {
    ocr = new TesseractOcr();
  }

  @Override
  protected Analyzer analyzer() {
    return ocr;
  }
}
