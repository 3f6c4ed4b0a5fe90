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

class ImageClassifierContractTest extends AnalyzerContractKit {
  static ImageClassifier classifier;

  @BeforeAll
  static void open() {
    classifier = ImageClassifier.imageNet(TestModels.store(), ClassifierOptions.IMAGENET);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Override
  protected Analyzer analyzer() {
    return classifier;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("dog-bicycle.jpg")), Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
  }
}
