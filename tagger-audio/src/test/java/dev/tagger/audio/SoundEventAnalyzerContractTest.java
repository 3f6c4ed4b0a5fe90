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
class SoundEventAnalyzerContractTest extends AnalyzerContractKit {
  static SoundEventAnalyzer sounds;

  @BeforeAll
  static void open() {
    sounds = SoundEventAnalyzer.audioSet(TestModels.store(), SoundEventOptions.DEFAULT);
  }

  @AfterAll
  static void close() {
    sounds.close();
  }

  @Override
  protected Analyzer analyzer() {
    return sounds;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("audio/applause.wav")));
  }
}
