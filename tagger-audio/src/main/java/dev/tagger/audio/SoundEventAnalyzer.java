package dev.tagger.audio;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.MediaKind;
import dev.tagger.TaggerException;
import dev.tagger.TimeSpan;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelEntry;
import dev.tagger.model.ModelStore;
import dev.tagger.model.ResolvedModel;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.onnx.runtime.OnnxSession;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AudioAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sound events with an EfficientAT AudioSet model (527 classes, multi-label): the audio at 32 kHz in
 * windows of {@link SoundEventOptions#windowSeconds} stepping by {@link SoundEventOptions#hopSeconds}
 * (streamed, so memory stays flat however long the file), {@link LogMel} features, sigmoid scores; each
 * class at or above the threshold becomes a {@link Category#SOUND} detection spanning its window, named
 * by AudioSet's display name ("Bark", "Applause", "Music"), except that AudioSet's "Speech" is reported
 * as {@code voice}: {@code speech} is {@link SpeechAnalyzer}'s tag, with word-precise spans that a
 * 10 s window would blur. The engine merges windows into segments; {@code sound-vocabulary.yml} folds
 * AudioSet's names into everyday tags. Thread-safe; owns its session.
 */
public final class SoundEventAnalyzer implements AudioAnalyzer, AutoCloseable {
  public static final String MODEL = "audioset-efficientat-mn04";

  private final OnnxSession session;
  private final List<String> labels;
  private final SoundEventOptions options;
  private final String version;
  private final LogMel logMel = new LogMel();

  SoundEventAnalyzer(OnnxSession session, List<String> labels, String version, SoundEventOptions options) {
    if (labels.isEmpty()) {
      throw new TaggerException("sound events: no labels");
    }
    this.session = session;
    this.labels = List.copyOf(labels);
    this.version = version;
    this.options = options;
  }

  /** The AudioSet model of the default catalog, from the store (sha256-checked). */
  public static SoundEventAnalyzer audioSet(ModelStore store, SoundEventOptions options) {
    return fromCatalog(store, ModelCatalog.defaults().get(MODEL), options);
  }

  /** A model of the same family from a catalog entry whose labels file is AudioSet's class_labels_indices.csv. */
  public static SoundEventAnalyzer fromCatalog(ModelStore store, ModelEntry entry, SoundEventOptions options) {
    ResolvedModel model = store.resolve(entry);
    if (entry.labels() == null) {
      throw new TaggerException("model " + entry.id() + ": the catalog names no labels file (class_labels_indices.csv)");
    }
    List<String> labels = readLabels(model.labels().orElseThrow());
    return new SoundEventAnalyzer(new OnnxSession(model, options.onnx()), labels, entry.version(), options);
  }

  /** Display names from AudioSet's {@code index,mid,display_name} CSV, in index order. */
  static List<String> readLabels(Path csv) {
    try {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(csv)) {
        if (line.isBlank() || line.startsWith("index,")) {
          continue;
        }
        int second = line.indexOf(',', line.indexOf(',') + 1);
        String name = line.substring(second + 1).strip();
        if (name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        out.add(name.equals("Speech") ? "voice" : name);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new TaggerException("cannot read sound labels " + csv + ": " + e.getMessage(), e);
    }
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("sounds", MODEL, version, String.format(Locale.ROOT, "win%.1f,hop%.1f,min%.2f",
        options.windowSeconds(), options.hopSeconds(), options.minConfidence()));
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.AUDIO, MediaKind.VIDEO);
  }

  @Override
  public int sampleRate() {
    return LogMel.SAMPLE_RATE;
  }

  @Override
  public int pieceSamples() {
    return AudioWindows.hopSamples(LogMel.SAMPLE_RATE, options.hopSeconds());
  }

  @Override
  public Pass start(AnalysisInput input) {
    List<Detection> out = new ArrayList<>();
    AudioWindows windows = windows(out);
    return new Pass() {
      @Override
      public boolean hear(float[] samples, long startSample) {
        return windows.accept(samples, startSample);
      }

      @Override
      public AnalyzerOutput finish() {
        windows.finish();
        return AnalyzerOutput.of(out);
      }
    };
  }

  /** Windows of the soundtrack, each classified as it fills, its classes added to {@code out}. */
  private AudioWindows windows(List<Detection> out) {
    return new AudioWindows(LogMel.SAMPLE_RATE, options.windowSeconds(), options.hopSeconds(),
        (samples, n, startSample) -> out.addAll(classify(samples, n, startSample)));
  }

  /** Scores one window; the classes at or above the threshold, each spanning the window. */
  List<Detection> classify(float[] samples, int n, long startSample) {
    float[] scores = scores(samples, n);
    double start = startSample / (double) LogMel.SAMPLE_RATE;
    TimeSpan span = new TimeSpan(start, start + n / (double) LogMel.SAMPLE_RATE);
    List<Detection> out = new ArrayList<>();
    for (int c = 0; c < scores.length && c < labels.size(); c++) {
      if (scores[c] >= options.minConfidence()) {
        out.add(new Detection(labels.get(c), scores[c], Category.SOUND, new Evidence(span, null, null)));
      }
    }
    return out;
  }

  /** Sigmoid scores of the 527 classes for {@code n} samples at 32 kHz. */
  float[] scores(float[] samples, int n) {
    float[][] mel = logMel.compute(samples, n);
    int frames = mel[0].length;
    FloatBuffer buf = FloatBuffer.allocate(LogMel.MELS * frames);
    for (float[] row : mel) {
      buf.put(row);
    }
    buf.flip();
    float[] logits = session.run(buf, new long[] {1, 1, LogMel.MELS, frames})[0];
    float[] p = new float[logits.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) (1 / (1 + Math.exp(-logits[i])));
    }
    return p;
  }

  List<String> labels() {
    return labels;
  }

  @Override
  public void close() {
    session.close();
  }
}
