package dev.tagger.nlp.ocr;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;

/** The analyzer contract for the OCR analyzers, on a real photo of a sign. */
abstract class OcrAnalyzerContractKit extends AnalyzerContractKit {
  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("sign-parking.jpg")));
  }
}
