package dev.tagger.sink;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every result in memory, in arrival order. Thread-safe. */
public final class InMemorySink implements TagSink {
  private final List<TagResult> results = new ArrayList<>();

  @Override
  public synchronized void accept(TagResult result) {
    results.add(result);
  }

  public synchronized List<TagResult> results() {
    return List.copyOf(results);
  }

  public synchronized Optional<TagResult> result(String path) {
    return results.stream().filter(r -> r.path().equals(path)).reduce((first, second) -> second);
  }
}
