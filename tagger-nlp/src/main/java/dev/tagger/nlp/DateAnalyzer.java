package dev.tagger.nlp;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TextItem;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates in an item's texts and file name, by pattern ({@link DatePatterns}, {@link FileNames}), as
 * {@link Category#ENTITY} tags named by the ISO date (2019-07-04), the words they came from as evidence.
 * Thread-safe.
 */
public final class DateAnalyzer implements TextAnalyzer {
  static final double CONFIDENCE = 0.9;

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("dates", "date-patterns", "1", "");
  }

  @Override
  public AnalyzerOutput analyze(AnalysisInput input) {
    List<Detection> out = new ArrayList<>();
    for (TextItem t : input.texts()) {
      if (TextAnalyzerSupport.isFileName(t)) {
        FileNames.parse(t.text()).dates().forEach(d ->
            out.add(new Detection(d.toString(), CONFIDENCE, Category.ENTITY, new Evidence(null, null, t.text()))));
      } else {
        DatePatterns.find(t.text()).forEach(f ->
            out.add(new Detection(f.date().toString(), CONFIDENCE, Category.ENTITY, new Evidence(t.span(), null, f.text()))));
      }
    }
    return AnalyzerOutput.of(out);
  }
}
