package dev.tagger.onnx;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.MediaKind;
import dev.tagger.feedback.TaughtTag;
import dev.tagger.feedback.TaughtTags;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tags people taught ({@link TaughtTags}), found in stills and video frames: each picture's embedding
 * ({@link ImageEmbedder}) through each taught tag's classifier, category {@link Category#CUSTOM}. Its
 * version names the set of taught tags, so teaching a new one re-analyzes the library. Thread-safe; owns
 * its embedder.
 */
public final class TaughtAnalyzer implements FrameAnalyzer, AutoCloseable {
  /** Scores below this are not reported at all. */
  static final double MIN_SCORE = 0.05;

  private final ImageEmbedder embedder;
  private final List<TaughtTag> tags;
  private final AnalyzerInfo info;

  public TaughtAnalyzer(ImageEmbedder embedder, TaughtTags taught) {
    this.embedder = embedder;
    this.tags = taught.all();
    this.info = new AnalyzerInfo("taught", embedder.model(), embedder.version() + "+" + taught.fingerprint(), "");
  }

  /** The analyzer over the ImageNet embedder, opened from the store. */
  public static TaughtAnalyzer open(ModelStore store, OnnxOptions onnx, TaughtTags taught) {
    return new TaughtAnalyzer(ImageEmbedder.imageNet(store, onnx), taught);
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
    return new Pass() {
      private final List<Picture> batch = new ArrayList<>(); // pictures are embedded 8 at a time
      private final List<Detection> out = new ArrayList<>();

      @Override
      public void look(Picture picture) {
        if (!tags.isEmpty()) {
          batch.add(picture);
          if (batch.size() == 8) {
            embedBatch();
          }
        }
      }

      private void embedBatch() {
        if (batch.isEmpty()) {
          return;
        }
        List<float[]> vectors = embedder.embed(batch.stream().map(Picture::image).toList());
        for (int j = 0; j < batch.size(); j++) {
          Evidence evidence = batch.get(j).span() == null ? Evidence.NONE : Evidence.at(batch.get(j).span());
          for (TaughtTag t : tags) {
            double p = t.score(vectors.get(j));
            if (p >= MIN_SCORE) {
              out.add(new Detection(t.name(), Math.min(1.0, p), Category.CUSTOM, evidence));
            }
          }
        }
        batch.clear();
      }

      @Override
      public AnalyzerOutput finish() {
        embedBatch();
        return AnalyzerOutput.of(out);
      }
    };
  }

  @Override
  public void close() {
    embedder.close();
  }
}
