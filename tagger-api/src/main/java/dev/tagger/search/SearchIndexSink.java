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
  /** The least time between two prunes at the end of a batch (a watcher ends one every few items). */
  static final long PRUNE_EVERY_SECONDS = 600;
  private final SearchIndex index;
  private final java.util.function.@org.jspecify.annotations.Nullable Predicate<String> gone;
  private int sinceCommit;
  private long lastCommit = System.nanoTime();
  private long lastPrune;
  private boolean pruned;

  public SearchIndexSink(SearchIndex index) {
    this(index, null);
  }

  private SearchIndexSink(SearchIndex index, java.util.function.@org.jspecify.annotations.Nullable Predicate<String> gone) {
    this.index = index;
    this.gone = gone;
  }

  /**
   * This, also removing from the index, at the end of a batch (at most every {@value #PRUNE_EVERY_SECONDS} s), the items
   * {@code gone} says are no longer there, such as files deleted or moved under the folders a run walks.
   */
  public SearchIndexSink withPruning(java.util.function.Predicate<String> value) {
    return new SearchIndexSink(index, value);
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
    boolean prune;
    synchronized (this) {
      sinceCommit = 0;
      lastCommit = System.nanoTime();
      prune = gone != null && (!pruned || lastCommit - lastPrune > java.util.concurrent.TimeUnit.SECONDS.toNanos(PRUNE_EVERY_SECONDS));
      if (prune) {
        pruned = true;
        lastPrune = lastCommit;
      }
    }
    index.commit();
    if (prune) {
      index.prune(gone);
    }
  }

  @Override
  public String toString() {
    return "the search index";
  }
}
