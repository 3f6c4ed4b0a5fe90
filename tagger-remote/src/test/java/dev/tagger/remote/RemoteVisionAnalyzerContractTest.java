package dev.tagger.remote;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@code remote-vision}, against the in-JVM gateway with the project's real models behind it. */
class RemoteVisionAnalyzerContractTest extends AnalyzerContractKit {
  static LocalModels models;
  static InJvmGateway server;
  static RemoteVisionAnalyzer analyzer;

  @BeforeAll
  static void start() {
    models = new LocalModels();
    server = InJvmGateway.start("sk-contract", models);
    analyzer = new RemoteVisionAnalyzer(new Gateway(GatewaySettings.of(server.baseUrl(), "vision-large", ApiKey.of("sk-contract", "test"))
        .withLimits(0, 0)));
  }

  @AfterAll
  static void stop() {
    server.close();
    models.close();
  }

  @Override
  protected Analyzer analyzer() {
    return analyzer;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("dog-bicycle.jpg")), Media.of(TestModels.sampleMedia().resolve("horses.jpg")));
  }
}
