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

class ObjectDetectorContractTest extends AnalyzerContractKit {
  static ObjectDetector detector;

  @BeforeAll
  static void open() {
    detector = ObjectDetector.yoloxNano(TestModels.store(), DetectorOptions.YOLOX_NANO);
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
    return List.of(Media.of(TestModels.sampleMedia().resolve("person-dog-horse.jpg")));
  }
}
