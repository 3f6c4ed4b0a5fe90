package dev.tagger.spi;

import dev.tagger.Detection;
import dev.tagger.TextItem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an analyzer found: detections (for video, one per frame with the frame time as its span) and
 * texts for the text analyzers that run after it; {@code partial} when a time limit cut the analysis short
 * (what was found so far is kept, and the result says so).
 *
 * @param embedding what the analyzer's model makes of the whole item as a vector, if it gives one
 * @param faces the faces it saw, as identity descriptors (the people analyzer)
 */
public record AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial, @Nullable Embedding embedding,
    List<FaceSample> faces) {
  public static final AnalyzerOutput EMPTY = new AnalyzerOutput(List.of(), List.of());

  public AnalyzerOutput {
    detections = List.copyOf(detections);
    texts = List.copyOf(texts);
    faces = faces == null ? List.of() : List.copyOf(faces);
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial) {
    this(detections, texts, partial, null, List.of());
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial, @Nullable Embedding embedding) {
    this(detections, texts, partial, embedding, List.of());
  }

  /** The same output with the faces seen, as identity descriptors. */
  public AnalyzerOutput withFaces(List<FaceSample> value) {
    return new AnalyzerOutput(detections, texts, partial, embedding, value);
  }

  /** The same output with the item's embedding. */
  public AnalyzerOutput withEmbedding(@Nullable Embedding value) {
    return new AnalyzerOutput(detections, texts, partial, value, faces);
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts) {
    this(detections, texts, false);
  }

  /** The same output, marked as cut short by a time limit (or not). */
  public AnalyzerOutput withPartial(boolean cutShort) {
    return new AnalyzerOutput(detections, texts, cutShort, embedding, faces);
  }

  public static AnalyzerOutput of(List<Detection> detections) {
    return new AnalyzerOutput(detections, List.of());
  }
}
