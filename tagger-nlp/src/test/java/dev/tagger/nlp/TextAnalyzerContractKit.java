package dev.tagger.nlp;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.util.List;

/** The analyzer contract for the text analyzers: a real photo whose title and description say something, as a Stash or a DAM item does. */
abstract class TextAnalyzerContractKit extends AnalyzerContractKit {
  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.builder(TestModels.sampleMedia().resolve("horses.jpg"))
        .title("Aiko Tanaka in Portugal, 14 July 2023")
        .description("On the last evening of the trip, Aiko Tanaka walked to the harbour with a camera. We spent a long"
            + " weekend in Lisbon, walking the old town and watching horses on the beach near the river.")
        .build());
  }
}
