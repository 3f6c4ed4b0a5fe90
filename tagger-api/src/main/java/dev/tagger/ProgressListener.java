package dev.tagger;

/**
 * Told after each item of a batch, from worker threads; must be fast and thread-safe. An exception it
 * throws is logged once and otherwise ignored.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = p -> {};

  void onProgress(Progress progress);
}
