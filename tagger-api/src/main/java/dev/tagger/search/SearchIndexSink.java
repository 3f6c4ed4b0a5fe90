package dev.tagger.search;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;

/**
 * Keeps a {@link SearchIndex} up to date as items are tagged: each result replaces what the index held for
 * its item, committed every {@link #COMMIT_EVERY} items or {@link #COMMIT_SECONDS} seconds and at the end of
 * each batch, so a kill loses at most that much (and a re-run from the result store puts it back). The
 * caller owns the index.
 */
public final class SearchIndexSink implements TagSink {
  static final int COMMIT_EVERY = 50;
  static final long COMMIT_SECONDS = 30;
  private final SearchIndex index;
  private int sinceCommit;
  private long lastCommit = System.nanoTime();

  public SearchIndexSink(SearchIndex index) {
    this.index = index;
  }

  @Override
  public void accept(TagResult result) {
    index.update(result);
    boolean commit;
    synchronized (this) {
      sinceCommit++;
      commit = sinceCommit >= COMMIT_EVERY || System.nanoTime() - lastCommit > java.util.concurrent.TimeUnit.SECONDS.toNanos(COMMIT_SECONDS);
      if (commit) {
        sinceCommit = 0;
        lastCommit = System.nanoTime();
      }
    }
    if (commit) {
      index.commit();
    }
  }

  @Override
  public void flush() {
    synchronized (this) {
      sinceCommit = 0;
      lastCommit = System.nanoTime();
    }
    index.commit();
  }

  @Override
  public String toString() {
    return "the search index";
  }
}
