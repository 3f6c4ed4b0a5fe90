package dev.tagger.feedback;

import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers, in a {@link FeedbackStore}, which tags each item got (applied and for review, by content hash),
 * so that a correction imported later can be checked against what the tagger really said. Thread-safe.
 */
public final class WrittenTagsSink implements TagSink {
  /** The name under which {@link FeedbackStore#written} keeps these. */
  public static final String SINK = "tagger";

  private final FeedbackStore store;

  public WrittenTagsSink(FeedbackStore store) {
    this.store = store;
  }

  @Override
  public void accept(TagResult result) {
    if (!result.succeeded() || result.sha256() == null) {
      return;
    }
    Map<String, Double> tags = new LinkedHashMap<>();
    for (List<Tag> list : List.of(result.tags(), result.review())) {
      list.forEach(t -> tags.put(t.name(), t.confidence()));
    }
    store.rememberWritten(SINK, result.sha256(), new Written(result.sha256(), result.path(), tags, List.of()));
  }
}
