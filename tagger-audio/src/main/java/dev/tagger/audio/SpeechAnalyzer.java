package dev.tagger.audio;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.TimedWord;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AudioAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech to text with Vosk, on audio files and the soundtracks of videos: the audio heard at 16 kHz
 * in half-second pieces ({@link AudioAnalyzer}) (memory stays flat for hours of audio), only the pieces the voice-activity model
 * finds speech in given to the recognizer (music, noise and silence are not: no words are made up from
 * them, and recognition costs nothing there), one recognizer per item on a shared {@link VoskModel}.
 * Without a voice-activity model, an energy gate skips silence only. Each utterance becomes a {@code transcript} text (with its time
 * span and every word's time, so the text analyzers tag its keywords and entities with the time they
 * were said) and a {@code speech}
 * detection over the same span, whose confidence is Vosk's mean word confidence. Listening stops at
 * the time limit, keeping what was heard. Thread-safe; the model is the caller's to close.
 */
public final class SpeechAnalyzer implements AudioAnalyzer {
  private static final Logger LOG = LoggerFactory.getLogger(SpeechAnalyzer.class);
  /** Samples in a piece: 16 of the voice-activity model's chunks, about half a second. */
  static final int PIECE = 16 * VoiceActivity.CHUNK;

  private final VoskModel model;
  private final @Nullable VoiceActivity voice;
  private final SpeechOptions options;

  /** Speech gated by the voice-activity model; the models are the caller's to close. */
  public SpeechAnalyzer(VoskModel model, VoiceActivity voice, SpeechOptions options) {
    this.model = model;
    this.voice = voice;
    this.options = options;
  }

  /** Speech gated by loudness only: all that is not silence reaches the recognizer. */
  public SpeechAnalyzer(VoskModel model, SpeechOptions options) {
    this.model = model;
    this.voice = null;
    this.options = options;
  }

  @Override
  public AnalyzerInfo info() {
    // the model's content hash and the time limit are in the key: another model in the same folder is run,
    // and a transcript cut short by a lower limit is not served once the limit is raised
    return new AnalyzerInfo("speech", model.name(), "vosk-0.3.45+" + model.contentHash(),
        voice == null ? String.format(Locale.ROOT, "gate%.0fdB,limit%ds", options.silenceDbfs(), options.timeLimit().toSeconds())
            : String.format(Locale.ROOT, "vad-%s@%.2f,limit%ds", voice.version(), Transcriber.SPEECH_PROBABILITY, options.timeLimit().toSeconds()));
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.AUDIO, MediaKind.VIDEO);
  }

  @Override
  public int sampleRate() {
    return Transcriber.RATE;
  }

  @Override
  public int pieceSamples() {
    return PIECE;
  }

  @Override
  public Pass start(AnalysisInput input) {
    Transcriber t = new Transcriber(model, voice == null ? null : voice.stream(), options.silenceDbfs(),
        System.nanoTime() + options.timeLimit().toNanos());
    return new Pass() {
      @Override
      public boolean hear(float[] samples, long startSample) {
        return t.accept(samples, startSample);
      }

      @Override
      public AnalyzerOutput finish() {
        List<Transcriber.Utterance> utterances = t.finish();
        boolean cutShort = t.cutShort();
        if (cutShort) {
          LOG.warn("{}: speech recognition stopped at its time limit of {}; the transcript so far is kept", input.media(), options.timeLimit());
        }
        return output(utterances, cutShort);
      }

      @Override
      public void close() {
        t.close();
      }
    };
  }

  private AnalyzerOutput output(List<Transcriber.Utterance> utterances, boolean cutShort) {
    Source source = info().source();
    List<Detection> detections = new ArrayList<>();
    List<TextItem> texts = new ArrayList<>();
    for (Transcriber.Utterance u : utterances) {
      TimeSpan span = new TimeSpan(u.words().get(0).start(), Math.max(u.words().get(0).start(), u.words().get(u.words().size() - 1).end()));
      List<TimedWord> words = u.words().stream().map(w -> new TimedWord(w.text(), w.start(), Math.max(w.start(), w.end()), w.confidence())).toList();
      texts.add(new TextItem("transcript", u.text(), span, source, words));
      detections.add(new Detection("speech", u.confidence(), Category.SPEECH, new Evidence(span, null, u.text())));
    }
    return new AnalyzerOutput(detections, texts, cutShort);
  }
}
