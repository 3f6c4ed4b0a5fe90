package dev.tagger.spi;

import dev.tagger.MediaKind;
import java.util.Set;

/**
 * Looks at an item and reports what it saw. Implementations must be thread-safe: one instance serves
 * all items of all threads. They get decoded content from {@link AnalysisInput} and never decode
 * media themselves.
 */
public interface Analyzer {
  AnalyzerInfo info();

  /** The kinds of item this analyzer looks at; the engine skips it for the others. */
  Set<MediaKind> kinds();

  /**
   * True for analyzers that read the item's texts (keywords, entities): they run after the media
   * analyzers, when what those read or heard is known.
   */
  default boolean readsText() {
    return false;
  }

  /** Analyzes one item. Throw a {@link dev.tagger.TaggerException} with a clear message on failure. */
  AnalyzerOutput analyze(AnalysisInput input);
}
