package dev.tagger.nlp;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TaggerException;
import dev.tagger.TextItem;
import dev.tagger.model.Hashing;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Entities from any OpenNLP name-finder model a user supplies (a {@code .bin} trained on their own
 * data; none is published on Maven Central). Each name becomes an {@link Category#ENTITY} tag; the
 * model's file name and sha256 prefix are its provenance, the entity type leads the evidence text.
 * Thread-safe: the model is shared, each call makes its own finder.
 */
public final class NameFinderAnalyzer implements TextAnalyzer {
  private final TokenNameFinderModel model;
  private final String modelName;
  private final String version;
  private final double minProbability;

  public NameFinderAnalyzer(Path modelFile, double minProbability) {
    try (InputStream in = Files.newInputStream(modelFile)) {
      this.model = new TokenNameFinderModel(in);
    } catch (IOException | RuntimeException e) {
      throw new TaggerException("cannot load name-finder model " + modelFile + ": " + e.getMessage(), e);
    }
    this.modelName = modelFile.getFileName().toString();
    this.version = Hashing.sha256(modelFile).substring(0, 12);
    this.minProbability = minProbability;
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("entities:name-finder", "opennlp-namefinder:" + modelName, version, "min" + minProbability);
  }

  @Override
  public AnalyzerOutput analyze(AnalysisInput input) {
    NameFinderME finder = new NameFinderME(model);
    List<Detection> out = new ArrayList<>();
    for (TextItem t : input.texts()) {
      if (TextAnalyzerSupport.isFileName(t)) {
        continue;
      }
      for (EnglishNlp.Sentence s : EnglishNlp.get().annotate(t.text())) {
        for (Span span : finder.find(s.tokens())) {
          if (span.getProb() >= minProbability) {
            String name = String.join(" ", java.util.Arrays.copyOfRange(s.tokens(), span.getStart(), span.getEnd()));
            out.add(new Detection(name, Math.min(1, span.getProb()), Category.ENTITY,
                new Evidence(t.span(), null, span.getType() + ": " + s.text().strip())));
          }
        }
      }
      finder.clearAdaptiveData();
    }
    return AnalyzerOutput.of(out);
  }
}
