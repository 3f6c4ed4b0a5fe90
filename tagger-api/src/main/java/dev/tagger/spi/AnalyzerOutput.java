package dev.tagger.spi;

import dev.tagger.Detection;
import dev.tagger.TextItem;
import java.util.List;

/**
 * What an analyzer found: detections (for video, one per frame with the frame time as its span) and
 * texts for the text analyzers that run after it.
 */
public record AnalyzerOutput(List<Detection> detections, List<TextItem> texts) {
  public static final AnalyzerOutput EMPTY = new AnalyzerOutput(List.of(), List.of());

  public AnalyzerOutput {
    detections = List.copyOf(detections);
    texts = List.copyOf(texts);
  }

  public static AnalyzerOutput of(List<Detection> detections) {
    return new AnalyzerOutput(detections, List.of());
  }
}
