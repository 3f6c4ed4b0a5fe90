package dev.tagger.spi;

import java.util.List;

/**
 * Turns texts into vectors for search by meaning: one unit-length vector per text, so that the dot product
 * of two is their cosine similarity. Must be thread-safe.
 */
public interface TextEmbedder {
  /** The model and its version ({@code all-minilm-l6-v2@759c3cd2b7fe}): vectors of different models never mix. */
  String model();

  int dimensions();

  List<float[]> embedAll(List<String> texts);
}
