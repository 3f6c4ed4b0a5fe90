package dev.tagger.spi;

import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TextItem;
import java.util.List;

/** An item's aggregated tags before rules, and its texts: what the result store keeps. */
public record StoredAnalysis(MediaKind kind, List<Tag> tags, List<TextItem> texts) {
  public StoredAnalysis {
    tags = List.copyOf(tags);
    texts = List.copyOf(texts);
  }
}
