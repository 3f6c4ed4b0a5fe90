package dev.tagger.internal;

import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.spi.StoredAnalysis;
import java.util.function.BooleanSupplier;

/**
 * The step of an item's journey that runs the analyzers: in this JVM ({@link LocalAnalysis}) or in a
 * supervised worker process. Thread-safe.
 */
public interface ItemAnalysis {
  /**
   * Decodes and analyzes one item whose kind is known.
   *
   * @throws AnalysisFailure naming the stage that failed ({@code read}, {@code decode}, {@code analyze},
   *     {@code crash}, {@code memory})
   * @throws java.util.concurrent.CancellationException when {@code cancelled} turned true or the thread was
   *     interrupted
   */
  StoredAnalysis analyze(Media media, MediaKind kind, BooleanSupplier cancelled);

  /** Identifies the analyzers and the options that change their output; part of the result store's key. */
  String fingerprint();
}
