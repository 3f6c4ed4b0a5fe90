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
 */
public record StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial, Map<String, String> embeddings) {
  public StoredAnalysis {
    tags = List.copyOf(tags);
    texts = List.copyOf(texts);
    partial = partial == null ? List.of() : List.copyOf(partial); // entries stored before the field have none
    embeddings = embeddings == null ? Map.of() : Map.copyOf(embeddings);
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial) {
    this(kind, tags, texts, partial, Map.of());
  }

  /** The item's vector from this model ({@code id@version}), if it was kept. */
  public java.util.Optional<float[]> embedding(String model) {
    return java.util.Optional.ofNullable(embeddings.get(model)).map(Embedding::decode);
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts) {
    this(kind, tags, texts, List.of());
  }
}
