package dev.tagger.spi;

import dev.tagger.TagResult;

/**
 * Receives each item's result once, as soon as it is done, from any thread; must be thread-safe, fast,
 * and should not throw (the engine logs a throwing sink once and goes on). {@link #flush()} is called
 * at the end of each batch; {@link #close()} by whoever created the sink.
 */
public interface TagSink extends AutoCloseable {
  void accept(TagResult result);

  default void flush() {}

  @Override
  default void close() {}
}
