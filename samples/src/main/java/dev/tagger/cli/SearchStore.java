package dev.tagger.cli;

import dev.tagger.nlp.embed.SentenceEmbedder;
import dev.tagger.search.SearchIndex;
import java.nio.file.Path;

/**
 * The search index that lives with a result store ({@code CACHE/search}), with the sentence embedder it
 * needs; one place opens it for {@code tag}, {@code watch}, {@code stash} and {@code search}. Closing closes
 * both.
 */
final class SearchStore implements AutoCloseable {
  private final SentenceEmbedder embedder;
  private final SearchIndex index;

  private SearchStore(SentenceEmbedder embedder, SearchIndex index) {
    this.embedder = embedder;
    this.index = index;
  }

  /** The index beside the result store in {@code cache}, its embedder running on {@code threads} threads. */
  static SearchStore open(Path cache, int threads) {
    return open(cache, threads, false);
  }

  /** The same, to search only: beside a run that is writing to it. */
  static SearchStore openToSearch(Path cache) {
    return open(cache, 1, true);
  }

  private static SearchStore open(Path cache, int threads, boolean searchOnly) {
    SentenceEmbedder embedder = new SentenceEmbedder(threads);
    try {
      return new SearchStore(embedder, searchOnly ? SearchIndex.openToSearch(cache.resolve("search"), embedder)
          : SearchIndex.open(cache.resolve("search"), embedder));
    } catch (RuntimeException e) {
      embedder.close();
      throw e;
    }
  }

  SearchIndex index() {
    return index;
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      embedder.close();
    }
  }
}
