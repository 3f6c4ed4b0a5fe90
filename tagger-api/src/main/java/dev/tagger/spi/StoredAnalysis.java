package dev.tagger.spi;

import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TextItem;
import java.util.List;

/** An item's aggregated tags before rules, and its texts: what the result store keeps. */
public record StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts, List<String> partial) {
  public StoredAnalysis {
    tags = List.copyOf(tags);
    texts = List.copyOf(texts);
    partial = partial == null ? List.of() : List.copyOf(partial); // entries stored before the field have none
  }

  public StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts) {
    this(kind, tags, texts, List.of());
  }
}
