package dev.tagger.spi;

import java.util.Optional;

/**
 * Remembers finished analyses so that unchanged items are not analyzed again, even after the process
 * was killed. Keys are opaque strings built by the engine from the content hash, the analyzers'
 * ids and versions and the options. Implementations must be thread-safe.
 */
public interface ResultStore extends AutoCloseable {
  Optional<StoredAnalysis> get(String key);

  /** Stores durably enough that a process killed right after this call keeps the entry. */
  void put(String key, StoredAnalysis analysis);

  @Override
  default void close() {}
}
