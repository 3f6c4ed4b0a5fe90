package dev.tagger.nlp.ocr;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@link PaddleOcr} alone (complete info, provenance, deterministic and thread-safe) on the real model. */
class PaddleOcrContractTest extends AnalyzerContractKit {
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

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("sign-parking.jpg")));
  }
}
