package dev.tagger.spi;

import dev.tagger.MediaException;
import dev.tagger.MediaKind;

/**
 * An analyzer that hears an item's soundtrack piece by piece, at a rate of its own. When an item has
 * several, the engine decodes the soundtrack once and hands each its pieces at its rate as they are
 * decoded (speech at 16 kHz and sound events at 32 kHz from one decode); alone, {@link #analyze} streams
 * the soundtrack through one pass. Memory stays flat however long the recording.
 */
public interface AudioAnalyzer extends Analyzer {
  /** The rate it hears at, in Hz. */
  int sampleRate();

  /** The length of each piece it is given, in samples (the last piece may be shorter). */
  int pieceSamples();

  /**
   * Starts hearing one item. The pass gets the pieces in time order and is then asked once for the output,
   * and closed; it belongs to one thread and one item (the analyzer itself stays thread-safe).
   */
  Pass start(AnalysisInput input);

  /** One item's hearing of its soundtrack, in order. */
  interface Pass extends AutoCloseable {
    /**
     * Hears the next piece (mono samples in [-1, 1]; the pass may keep the array).
     *
     * @return false when it wants no more (a time limit passed)
     */
    boolean hear(float[] samples, long startSample);

    /** What it heard, once the soundtrack ended or it wanted no more. */
    AnalyzerOutput finish();

    /** Frees what the pass holds: after {@link #finish}, or instead of it when the item failed. */
    @Override
    default void close() {}
  }

  @Override
  default AnalyzerOutput analyze(AnalysisInput input) {
    try (Pass pass = start(input)) {
      try {
        input.streamAudio(sampleRate(), pieceSamples(), pass::hear);
      } catch (MediaException e) {
        if (isSilentFilm(input.kind(), e)) {
          return AnalyzerOutput.EMPTY; // nothing to hear
        }
        throw e;
      }
      return pass.finish();
    }
  }

  /** Whether a decoder's failure only says that a video has no soundtrack, which is nothing to hear, not an error. */
  static boolean isSilentFilm(MediaKind kind, MediaException e) {
    return kind == MediaKind.VIDEO && e.getMessage() != null && e.getMessage().endsWith("has no audio stream");
  }
}
