package dev.tagger.spi;

import dev.tagger.Detection;
import dev.tagger.TextItem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an analyzer found: detections (for video, one per frame with the frame time as its span) and
 * texts for the text analyzers that run after it; {@code partial} when a time limit cut the analysis short
 * (what was found so far is kept, and the result says so).
 *
 * @param embedding what the analyzer's model makes of the whole item as a vector, if it gives one
 * @param faces the faces it saw, as identity descriptors (the people analyzer)
 * @param unavailable why the analyzer could not look this time, for a passing cause (a gateway down, a request budget
 *     spent, a reply that failed): the item's result says so and is not kept in the result store, so a later run asks
 *     again; null when it looked
 * @param usage what the look cost, by counter ({@code requests}, {@code tokens_in}, {@code tokens_out}, {@code failures},
 *     {@code cached}); summed by run reports, never kept
 */
public record AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial, @Nullable Embedding embedding,
    List<FaceSample> faces, @Nullable String unavailable, Map<String, Long> usage) {
  public static final AnalyzerOutput EMPTY = new AnalyzerOutput(List.of(), List.of());

  public AnalyzerOutput {
    detections = List.copyOf(detections);
    texts = List.copyOf(texts);
    faces = faces == null ? List.of() : List.copyOf(faces);
    usage = usage == null ? Map.of() : Map.copyOf(usage);
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial, @Nullable Embedding embedding,
      List<FaceSample> faces) {
    this(detections, texts, partial, embedding, faces, null, Map.of());
  }

  /** Nothing, because the analyzer could not look this time ({@link #unavailable}), with what trying cost. */
  public static AnalyzerOutput unavailable(String why, Map<String, Long> usage) {
    return new AnalyzerOutput(List.of(), List.of(), false, null, List.of(), why, usage);
  }

  /** The same output with what the look cost. */
  public AnalyzerOutput withUsage(Map<String, Long> value) {
    return new AnalyzerOutput(detections, texts, partial, embedding, faces, unavailable, value);
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial) {
    this(detections, texts, partial, null, List.of());
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts, boolean partial, @Nullable Embedding embedding) {
    this(detections, texts, partial, embedding, List.of());
  }

  /** The same output with the faces seen, as identity descriptors. */
  public AnalyzerOutput withFaces(List<FaceSample> value) {
    return new AnalyzerOutput(detections, texts, partial, embedding, value, unavailable, usage);
  }

  /** The same output with the item's embedding. */
  public AnalyzerOutput withEmbedding(@Nullable Embedding value) {
    return new AnalyzerOutput(detections, texts, partial, value, faces, unavailable, usage);
  }

  public AnalyzerOutput(List<Detection> detections, List<TextItem> texts) {
    this(detections, texts, false);
  }

  /** The same output, marked as cut short by a time limit (or not). */
  public AnalyzerOutput withPartial(boolean cutShort) {
    return new AnalyzerOutput(detections, texts, cutShort, embedding, faces, unavailable, usage);
  }

  public static AnalyzerOutput of(List<Detection> detections) {
    return new AnalyzerOutput(detections, List.of());
  }
}
