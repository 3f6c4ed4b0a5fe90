package dev.tagger.nlp.ocr;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@link TesseractOcr} alone (complete info, provenance, deterministic and thread-safe) on the real model. */
class TesseractOcrContractTest extends AnalyzerContractKit {
  static TesseractOcr ocr;

  @BeforeAll
  static void open() {
    ocr = new TesseractOcr();
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
