package dev.tagger.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vosk.Recognizer;

/**
 * One stream's recognition: owns a Vosk {@link Recognizer}, takes 16 kHz pieces in order, gives it only
 * pieces with speech, and collects utterances with word timings on the original audio's clock. A piece
 * has speech when the voice-activity model finds speech in one of its chunks (without the model: when it
 * is louder than the silence level). After one piece without speech, such pieces are not fed and the
 * utterance before is finished; when speech comes back, the piece before it is fed first, so the first
 * word is heard whole. Stops taking audio at its deadline. Not thread-safe; close it.
 */
final class Transcriber implements AutoCloseable {
  static final int RATE = 16_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A word heard: its text, when (seconds of the original audio), and Vosk's confidence. */
  record Word(String text, double start, double end, double confidence) {}

  /** Words Vosk returned as one result, between pauses. */
  record Utterance(List<Word> words) {
    String text() {
      return String.join(" ", words.stream().map(Word::text).toList());
    }

    double confidence() {
      return words.stream().mapToDouble(Word::confidence).average().orElse(0);
    }
  }

  /** A chunk at least this likely to be speech makes its piece one with speech. */
  static final float SPEECH_PROBABILITY = 0.5f;

  private final Recognizer recognizer;
  private final VoiceActivity.@Nullable Stream voice;
  private final double silenceRms;
  private final long deadlineNanos;
  private final List<Utterance> utterances = new ArrayList<>();
  /** Pairs (samples fed so far, original sample index) where a fed run begins. */
  private final List<long[]> runs = new ArrayList<>();
  private long fed;
  private int quietPieces;
  private boolean pending;
  private boolean cutShort;
  private long skippedSamples;
  private float @Nullable [] held; // the last piece not fed, and where it starts
  private long heldStart;

  Transcriber(VoskModel model, VoiceActivity.@Nullable Stream voice, double silenceDbfs, long deadlineNanos) {
    this.voice = voice;
    try {
      this.recognizer = new Recognizer(model.model(), RATE);
    } catch (IOException e) {
      throw new TaggerException("Vosk cannot make a recognizer: " + e.getMessage(), e);
    }
    recognizer.setWords(true);
    this.silenceRms = Math.pow(10, silenceDbfs / 20);
    this.deadlineNanos = deadlineNanos;
  }

  /** One piece; false once the deadline has passed. */
  boolean accept(float[] samples, long startSample) {
    if (System.nanoTime() - deadlineNanos > 0) {
      cutShort = true;
      return false;
    }
    boolean quiet = !hasSpeech(samples);
    quietPieces = quiet ? quietPieces + 1 : 0;
    if (quietPieces > 1) {
      if (pending) {
        collect(recognizer.getFinalResult());
        pending = false;
      }
      if (held != null) {
        skippedSamples += held.length;
      }
      held = samples.clone();
      heldStart = startSample;
      return true;
    }
    if (held != null) {
      float[] before = held;
      held = null;
      feed(before, heldStart);
    }
    feed(samples, startSample);
    return true;
  }

  private boolean hasSpeech(float[] samples) {
    if (voice == null) {
      return rms(samples) >= silenceRms;
    }
    boolean speech = false;
    for (float p : voice.probabilities(samples)) { // every chunk, so the model's state follows the stream
      speech |= p >= SPEECH_PROBABILITY;
    }
    return speech;
  }

  private void feed(float[] samples, long startSample) {
    if (runs.isEmpty() || runs.get(runs.size() - 1)[1] + (fed - runs.get(runs.size() - 1)[0]) != startSample) {
      runs.add(new long[] {fed, startSample});
    }
    short[] pcm = new short[samples.length];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i] * 32767.0)));
    }
    fed += pcm.length;
    pending = true;
    if (recognizer.acceptWaveForm(pcm, pcm.length)) {
      collect(recognizer.getResult());
      pending = false;
    }
  }

  /** Finishes the last utterance; the utterances heard, in order. */
  List<Utterance> finish() {
    if (pending) {
      collect(recognizer.getFinalResult());
      pending = false;
    }
    return List.copyOf(utterances);
  }

  boolean cutShort() {
    return cutShort;
  }

  /** Seconds without speech that were not given to the recognizer. */
  double skippedSeconds() {
    return (skippedSamples + (held == null ? 0 : held.length)) / (double) RATE;
  }

  private void collect(String json) {
    try {
      JsonNode words = JSON.readTree(json).path("result");
      List<Word> out = new ArrayList<>();
      for (JsonNode w : words) {
        out.add(new Word(w.path("word").asText(), original(w.path("start").asDouble()), original(w.path("end").asDouble()),
            w.path("conf").asDouble(1.0)));
      }
      if (!out.isEmpty()) {
        utterances.add(new Utterance(out));
      }
    } catch (IOException e) {
      throw new TaggerException("Vosk returned a result that is not JSON: " + e.getMessage(), e);
    }
  }

  /** A time on the fed stream's clock, moved to the original audio's (silence skipped in between). */
  private double original(double fedSeconds) {
    long sample = Math.round(fedSeconds * RATE);
    long[] run = runs.get(0);
    for (long[] r : runs) {
      if (r[0] <= sample) {
        run = r;
      }
    }
    return (run[1] + (sample - run[0])) / (double) RATE;
  }

  static double rms(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += s * s;
    }
    return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
  }

  @Override
  public void close() {
    recognizer.close();
  }
}
