package dev.tagger.audio;

import java.util.Arrays;

/**
 * Cuts streamed audio into overlapping windows: pieces of one hop arrive, and each time a whole window
 * has gathered it goes to the consumer and the oldest hop is dropped. At the end, audio shorter than
 * one window becomes one short window, and a tail the last window missed by more than a second gets a
 * window of the last {@code window} samples. Holds one window of samples at most. Not thread-safe.
 */
final class AudioWindows {
  /** Receives a window: {@code samples[0..n)}, starting at {@code startSample} of the audio. */
  interface Consumer {
    void window(float[] samples, int n, long startSample);
  }

  private final int sampleRate;
  private final int window;
  private final int hop;
  private final Consumer consumer;
  private final float[] buffer;
  private int filled;
  private long bufferStart;
  private long windowsSent;
  private long lastWindowEnd;

  AudioWindows(int sampleRate, double windowSeconds, double hopSeconds, Consumer consumer) {
    this.sampleRate = sampleRate;
    this.window = (int) Math.round(windowSeconds * sampleRate);
    this.hop = hopSamples(sampleRate, hopSeconds);
    this.consumer = consumer;
    this.buffer = new float[window];
  }

  int hopSamples() {
    return hop;
  }

  /** Samples between window starts, at least one. */
  static int hopSamples(int sampleRate, double hopSeconds) {
    return Math.max(1, (int) Math.round(hopSeconds * sampleRate));
  }

  /** A streamed piece; always true (keep streaming). */
  boolean accept(float[] samples, long startSample) {
    int offset = 0;
    while (offset < samples.length) {
      int len = Math.min(samples.length - offset, window - filled);
      System.arraycopy(samples, offset, buffer, filled, len);
      filled += len;
      offset += len;
      if (filled == window) {
        send(window);
        int keep = window - hop;
        System.arraycopy(buffer, hop, buffer, 0, keep);
        filled = keep;
        bufferStart += hop;
      }
    }
    return true;
  }

  /** Sends what the windows so far have not covered. */
  void finish() {
    if (windowsSent == 0) {
      if (filled >= 2) {
        send(filled);
      }
      return;
    }
    long end = bufferStart + filled;
    if (end - lastWindowEnd > sampleRate) {
      // The buffer holds the last window - hop + tail samples; send the last `window` we have.
      send(filled);
    }
  }

  private void send(int n) {
    consumer.window(Arrays.copyOf(buffer, n), n, bufferStart);
    windowsSent++;
    lastWindowEnd = bufferStart + n;
  }
}
