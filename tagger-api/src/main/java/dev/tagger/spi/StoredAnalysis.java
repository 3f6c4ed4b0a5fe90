package dev.tagger.spi;

import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TextItem;
import java.util.List;
import java.util.Map;

/**
 * An item's aggregated tags before rules, and its texts: what the result store keeps.
 *
 * @param embeddings the item's vectors by the model that made them ({@link Embedding#encoded()})
 * @param faces identity descriptors of the faces seen; they travel from a worker to the people store and are
 *     taken out before the analysis is kept ({@link #withoutFaces()})
 * @param millis where the analysis spent its time: wall milliseconds by analyzer id and {@code decode}; not
 *     kept ({@link #toKeep()}), as an analysis taken from the store cost none of it
 * @param unavailable the analyzers that could not look this time, each as {@code "id (why)"} ({@link AnalyzerOutput#unavailable}):
 *     an analysis with any is not kept, so a later run asks them again
 * @param usage what remote analyzers spent, by {@code analyzerId.counter}; not kept
 */
public record StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial, Map<String, String> embeddings,
    List<FaceSample> faces, Map<String, Double> millis, List<String> unavailable, Map<String, Long> usage) {
  public StoredAnalysis {
    tags = List.copyOf(tags);
    texts = List.copyOf(texts);
    partial = partial == null ? List.of() : List.copyOf(partial); // entries stored before the field have none
    embeddings = embeddings == null ? Map.of() : Map.copyOf(embeddings);
    faces = faces == null ? List.of() : List.copyOf(faces);
    millis = millis == null ? Map.of() : Map.copyOf(millis);
    unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    usage = usage == null ? Map.of() : Map.copyOf(usage);
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial, Map<String, String> embeddings,
      List<FaceSample> faces, Map<String, Double> millis) {
    this(kind, tags, texts, partial, embeddings, faces, millis, List.of(), Map.of());
  }

  /** True when every analyzer looked, so the analysis may be kept in the result store. */
  public boolean complete() {
    return unavailable.isEmpty();
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial, Map<String, String> embeddings,
      List<FaceSample> faces) {
    this(kind, tags, texts, partial, embeddings, faces, Map.of());
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial) {
    this(kind, tags, texts, partial, Map.of(), List.of());
  }

  /** The analysis without its face descriptors. */
  public StoredAnalysis withoutFaces() {
    return faces.isEmpty() ? this : new StoredAnalysis(kind, tags, texts, partial, embeddings, List.of(), millis, unavailable, usage);
  }

  /** What the result store keeps: neither the face descriptors nor the timings and usage. */
  public StoredAnalysis toKeep() {
    return faces.isEmpty() && millis.isEmpty() && usage.isEmpty() ? this
        : new StoredAnalysis(kind, tags, texts, partial, embeddings, List.of(), Map.of(), unavailable, Map.of());
  }

  /** The item's vector from this model ({@code id@version}), if it was kept. */
  public java.util.Optional<float[]> embedding(String model) {
    return java.util.Optional.ofNullable(embeddings.get(model)).map(Embedding::decode);
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts) {
    this(kind, tags, texts, List.of());
  }
}
