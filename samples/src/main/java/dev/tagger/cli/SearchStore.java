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

  /**
   * Which indexed items are gone from under these folders: their file is no longer there while the folder is (a folder
   * that is itself missing, an unmounted disk, prunes nothing).
   */
  static java.util.function.Predicate<String> goneUnder(java.util.List<Path> roots) {
    java.util.List<String> under = roots.stream().filter(java.nio.file.Files::isDirectory)
        .map(r -> SearchIndex.key(r.toString())).map(r -> r.endsWith(java.io.File.separator) ? r : r + java.io.File.separator).toList();
    return item -> !item.startsWith("file:") && under.stream().anyMatch(item::startsWith) && missing(item);
  }

  /** True when the item is a local file that is not there (false for names that are not paths). */
  static boolean missing(String item) {
    try {
      return !item.startsWith("file:") && java.nio.file.Files.notExists(Path.of(item));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
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
