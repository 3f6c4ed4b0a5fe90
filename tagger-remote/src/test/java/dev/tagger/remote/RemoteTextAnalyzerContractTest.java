package dev.tagger.remote;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analyzer contract for {@code remote-text}, against the in-JVM gateway with the real keyword analyzer behind it. */
class RemoteTextAnalyzerContractTest extends AnalyzerContractKit {
  /** A paragraph written for this test. */
  static final String ARTICLE = """
      The town council voted to build a solar farm on the old airfield. Solar panels will cover forty hectares, and the \
      solar farm should power six thousand homes. Wind turbines were considered too, but the council chose solar power \
      because the airfield is flat and sunny. Construction of the solar farm starts in spring.""";
  static LocalModels models;
  static InJvmGateway server;
  static RemoteTextAnalyzer analyzer;
  static Path text;

  @BeforeAll
  static void start() throws IOException {
    models = new LocalModels();
    server = InJvmGateway.start("sk-contract", models);
    analyzer = new RemoteTextAnalyzer(new Gateway(GatewaySettings.of(server.baseUrl(), "text-large", ApiKey.of("sk-contract", "test"))
        .withLimits(0, 0)));
    text = Files.createTempFile("council", ".txt");
    Files.writeString(text, ARTICLE);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    models.close();
    Files.deleteIfExists(text);
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
    return List.of(Media.of(text));
  }
}
