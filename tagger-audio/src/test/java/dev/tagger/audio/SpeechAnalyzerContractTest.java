package dev.tagger.audio;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract (complete info, provenance, deterministic and thread-safe) on the real model. */
class SpeechAnalyzerContractTest extends AnalyzerContractKit {
  static VoskModel model;
  static SpeechAnalyzer speech;

  @BeforeAll
  static void open() {
    model = VoskModel.englishSmall(TestModels.store());
    speech = new SpeechAnalyzer(model, SpeechOptions.DEFAULT);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Override
  protected Analyzer analyzer() {
    return speech;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("audio/Front_Left.wav")));
  }
}
