package dev.tagger.spi;

/** Receives an item's audio piece by piece, in time order (see {@link AnalysisInput#streamAudio}). */
@FunctionalInterface
public interface PcmChunkHandler {
  /**
   * @param samples mono samples in [-1, 1], exactly one piece long; the handler may keep the array
   * @param startSample the index of the piece's first sample from the start of the audio
   * @return false to stop: no more pieces are wanted
   */
  boolean accept(float[] samples, long startSample);
}
