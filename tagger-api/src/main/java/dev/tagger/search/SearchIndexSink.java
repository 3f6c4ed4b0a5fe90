package dev.tagger.search;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;

/**
 * Keeps a {@link SearchIndex} up to date as items are tagged: each result replaces what the index held for
 * its item (a failed one is taken out), committed at the end of each batch. The caller owns the index.
 */
public final class SearchIndexSink implements TagSink {
  private final SearchIndex index;

  public SearchIndexSink(SearchIndex index) {
    this.index = index;
  }

  @Override
  public void accept(TagResult result) {
    index.update(result);
  }

  @Override
  public void flush() {
    index.commit();
  }

  @Override
  public String toString() {
    return "the search index";
  }
}
