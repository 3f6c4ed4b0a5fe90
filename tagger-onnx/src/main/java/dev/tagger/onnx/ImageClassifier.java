package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxSession;
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
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.Embedding;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.Picture;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whole-image classification (ImageNet by default) on stills and sampled video frames: softmax over
 * the model's logits, the top classes above a floor become {@link Category#OBJECT} detections. Video
 * frames run in batches. Thread-safe; owns its ONNX session, so close it when done.
 */
public final class ImageClassifier implements FrameAnalyzer, AutoCloseable {
  /** Catalog id of the default model. */
  public static final String IMAGENET_MODEL = "imagenet-mobilenetv2-int8";

  private final OnnxSession session;
  private final List<String> labels;
  private final ClassifierOptions options;
  private final ImagePreprocessor preprocessor;
  private final AnalyzerInfo info;
  /** True for the ImageNet model, whose feature map this classifier also reads: the item's embedding, kept in the result store. */
  private final boolean embeds;
  private final String embeddingModel;

  private ImageClassifier(ResolvedModel model, List<String> labels, ClassifierOptions options) {
    this.labels = List.copyOf(labels);
    this.options = options;
    this.preprocessor = new ImagePreprocessor(options.resize(), options.crop(), options.mean(), options.std());
    this.info = new AnalyzerInfo("image-classifier", model.entry().id(), model.entry().version(), options.fingerprint());
    this.embeds = model.entry().id().equals(IMAGENET_MODEL);
    this.session = embeds ? new OnnxSession(model, options.onnx(), List.of(ImageEmbedder.FEATURES)) : new OnnxSession(model, options.onnx());
    this.embeddingModel = model.entry().id() + "@" + model.entry().version();
  }

  /** The default ImageNet classifier, its model resolved (verified, downloaded if missing) from the store. */
  public static ImageClassifier imageNet(ModelStore store, ClassifierOptions options) {
    return fromCatalog(store, ModelCatalog.defaults().get(IMAGENET_MODEL), options);
  }

  /**
   * A classifier on any catalog entry of the same family (ImageNet-style preprocessing, one row of
   * logits per image): the entry's labels file if it names one, else the ImageNet labels; its input size
   * if it gives one (the resize keeps ImageNet's 256/224 ratio).
   */
  public static ImageClassifier fromCatalog(ModelStore store, ModelEntry entry, ClassifierOptions options) {
    ResolvedModel model = store.resolve(entry);
    List<String> labels = model.labels().map(Labels::file).orElseGet(ImageClassifier::imageNetLabels);
    return new ImageClassifier(model, labels, entry.inputSize() > 0 ? options.withInputSize(entry.inputSize()) : options);
  }

  /** The 1,000 ImageNet class names in index order. */
  public static List<String> imageNetLabels() {
    return Labels.resource("imagenet_classes.txt");
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  public Pass start(AnalysisInput input) {
    // a frame showing what the last one looked at showed is not classified again; looked-at frames go in batches
    StaticShots.Tracker shots = new StaticShots.Tracker(input, info().id());
    return new Pass() {
      private final List<RgbImage> waiting = new ArrayList<>();
      private final List<@Nullable TimeSpan> spans = new ArrayList<>();
      private final List<Integer> standIns = new ArrayList<>(); // for each picture, the looked-at picture standing for it
      private final List<float[]> scores = new ArrayList<>();
      private final List<float[]> lookedVectors = new ArrayList<>();
      private int looked;

      @Override
      public void look(Picture p) {
        if (!shots.reuse(p)) {
          looked++;
          waiting.add(p.image());
          if (waiting.size() == options.batchSize()) {
            classifyWaiting();
          }
        }
        spans.add(p.span());
        standIns.add(looked - 1);
      }

      private void classifyWaiting() {
        if (!waiting.isEmpty()) {
          scores.addAll(List.of(classify(waiting, lookedVectors)));
          waiting.clear();
        }
      }

      @Override
      public AnalyzerOutput finish() {
        classifyWaiting();
        shots.report();
        List<Detection> out = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
          int n = standIns.get(i);
          out.addAll(top(scores.get(n), spans.get(i)));
          if (!lookedVectors.isEmpty()) {
            vectors.add(lookedVectors.get(n)); // each frame counts in the mean, as if looked at
          }
        }
        AnalyzerOutput result = AnalyzerOutput.of(out);
        return vectors.isEmpty() ? result : result.withEmbedding(new Embedding(embeddingModel, Embedding.mean(vectors)));
      }
    };
  }

  /** Softmax probabilities, one row per image. */
  float[][] classify(List<RgbImage> images) {
    return classify(images, new ArrayList<>());
  }

  /** Softmax probabilities, one row per image; with the ImageNet model, each image's embedding added to {@code vectors}. */
  float[][] classify(List<RgbImage> images, List<float[]> vectors) {
    int side = preprocessor.crop();
    FloatBuffer input = FloatBuffer.allocate(images.size() * 3 * side * side);
    for (RgbImage img : images) {
      preprocessor.write(img, input);
    }
    input.flip();
    float[][] logits;
    if (embeds) {
      java.util.Map<String, float[]> all = session.runAll(input, new long[] {images.size(), 3, side, side});
      vectors.addAll(ImageEmbedder.pool(all.get(ImageEmbedder.FEATURES), images.size()));
      float[] flat = all.get("output");
      logits = new float[images.size()][flat.length / images.size()];
      for (int i = 0; i < images.size(); i++) {
        System.arraycopy(flat, i * logits[i].length, logits[i], 0, logits[i].length);
      }
    } else {
      logits = session.run(input, new long[] {images.size(), 3, side, side});
    }
    for (float[] row : logits) {
      if (row.length != labels.size()) {
        throw new TaggerException("model " + session.modelId() + " gives " + row.length + " scores but "
            + labels.size() + " labels were given");
      }
      softmax(row);
    }
    return logits;
  }

  private List<Detection> top(float[] probs, @Nullable TimeSpan span) {
    Evidence evidence = span == null ? Evidence.NONE : Evidence.at(span);
    List<Detection> out = new ArrayList<>();
    boolean[] taken = new boolean[probs.length];
    for (int k = 0; k < options.topK(); k++) {
      int best = -1;
      for (int i = 0; i < probs.length; i++) {
        if (!taken[i] && (best < 0 || probs[i] > probs[best])) {
          best = i;
        }
      }
      if (best < 0 || probs[best] < options.minScore()) {
        break;
      }
      taken[best] = true;
      out.add(new Detection(labels.get(best), Math.min(1.0, probs[best]), Category.OBJECT, evidence));
    }
    return out;
  }

  static void softmax(float[] v) {
    float max = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.exp(v[i] - max);
      sum += v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / sum);
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
