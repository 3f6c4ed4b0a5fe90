package dev.tagger.onnx;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class FaceAnalyzerContractTest extends AnalyzerContractKit {
  static FaceAnalyzer detector;

  @BeforeAll
  static void open() {
    detector = FaceAnalyzer.open(TestModels.store(), FaceOptions.DEFAULT);
  }

  @AfterAll
  static void close() {
    detector.close();
  }

  @Override
  protected Analyzer analyzer() {
    return detector;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("astronaut-portrait.png")));
  }
}
