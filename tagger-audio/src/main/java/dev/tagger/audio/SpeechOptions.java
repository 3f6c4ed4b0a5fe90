package dev.tagger.audio;

import java.time.Duration;

/**
 * How {@link SpeechAnalyzer} listens.
 *
 * @param silenceDbfs pieces quieter than this (RMS, dB below full scale) count as silence; after half a
 *     second of it, silence is not given to the recognizer
 * @param timeLimit the longest one item is listened to; the transcript so far is kept
 */
public record SpeechOptions(double silenceDbfs, Duration timeLimit) {
  public static final SpeechOptions DEFAULT = new SpeechOptions(-50, Duration.ofMinutes(30));

  public SpeechOptions {
    if (!(silenceDbfs < 0 && silenceDbfs > -120)) {
      throw new IllegalArgumentException("silenceDbfs must be in (-120, 0), got " + silenceDbfs);
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
    }
  }

  public SpeechOptions withTimeLimit(Duration limit) {
    return new SpeechOptions(silenceDbfs, limit);
  }
}
