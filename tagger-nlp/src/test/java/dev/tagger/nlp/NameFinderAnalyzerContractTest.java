package dev.tagger.nlp;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer contract for {@link NameFinderAnalyzer}: people found by a name-finder model a user trained (OpenNLP, trained here on a made-up corpus). */
class NameFinderAnalyzerContractTest extends AnalyzerContractKit {
  @TempDir
  static Path dir;

  static Analyzer analyzer;

  @BeforeAll
  static void open() throws Exception {
    analyzer = new NameFinderAnalyzer(NameFinderAnalyzerTest.trainModel(dir), 0.3);
  }

  @Override
  protected Analyzer analyzer() {
    return analyzer;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  /** A real photo whose title and description say something, as a Stash or a DAM item does. */
  @Override
  protected List<Media> media() {
    return List.of(Media.builder(TestModels.sampleMedia().resolve("horses.jpg"))
        .title("Aiko Tanaka in Portugal, 14 July 2023")
        .description("On the last evening of the trip, Aiko Tanaka walked to the harbour with a camera. We spent a long"
            + " weekend in Lisbon, walking the old town and watching horses on the beach near the river.")
        .build());
  }
}
