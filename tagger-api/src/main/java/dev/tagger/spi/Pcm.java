package dev.tagger.spi;

/** Mono audio as floats in [-1, 1] at a given sample rate. The array is shared: treat it as read-only. */
public record Pcm(int sampleRate, float[] samples) {
  public Pcm {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
  }

  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
