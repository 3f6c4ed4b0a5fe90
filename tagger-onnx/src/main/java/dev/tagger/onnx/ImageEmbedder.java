package dev.tagger.onnx;

import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelStore;
import dev.tagger.model.ResolvedModel;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.onnx.runtime.OnnxSession;
import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A picture's 1,280 features from the ImageNet classifier's canonical file (MobileNetV2): its last feature
 * map ({@code 627}, 1280 x 7 x 7, dequantized) made a graph output at load time, averaged over the map and
 * scaled to unit length, so that cosine similarity and a light classifier on top work. Thread-safe; owns
 * its native session.
 */
public final class ImageEmbedder implements AutoCloseable {
  /** The feature map of the int8 MobileNetV2, before the classifier's own pooling. */
  static final String FEATURES = "627";
  public static final int DIMENSIONS = 1280;

  private final OnnxSession session;
  private final ImagePreprocessor preprocessor;
  private final String model;
  private final String version;

  private ImageEmbedder(ResolvedModel resolved, ClassifierOptions options) {
    this.session = new OnnxSession(resolved, options.onnx(), List.of(FEATURES));
    this.preprocessor = new ImagePreprocessor(options.resize(), options.crop(), options.mean(), options.std());
    this.model = resolved.entry().id();
    this.version = resolved.entry().version();
  }

  /** The embedder on the ImageNet classifier's model, resolved (verified, downloaded if missing) from the store. */
  public static ImageEmbedder imageNet(ModelStore store, OnnxOptions onnx) {
    return new ImageEmbedder(store.resolve(ModelCatalog.defaults().get(ImageClassifier.IMAGENET_MODEL)), ClassifierOptions.IMAGENET.withOnnx(onnx));
  }

  public String model() {
    return model;
  }

  public String version() {
    return version;
  }

  /** One unit-length feature vector per image. */
  public List<float[]> embed(List<RgbImage> images) {
    int side = preprocessor.crop();
    List<float[]> out = new ArrayList<>();
    for (int from = 0; from < images.size(); from += 8) {
      List<RgbImage> batch = images.subList(from, Math.min(images.size(), from + 8));
      FloatBuffer input = FloatBuffer.allocate(batch.size() * 3 * side * side);
      batch.forEach(img -> preprocessor.write(img, input));
      input.flip();
      Map<String, float[]> all = session.runAll(input, new long[] {batch.size(), 3, side, side});
      out.addAll(pool(all.get(FEATURES), batch.size()));
    }
    return out;
  }

  /** The feature maps of a batch, each averaged over its cells and scaled to unit length. */
  static List<float[]> pool(float[] map, int batch) {
    List<float[]> out = new ArrayList<>();
    int cells = map.length / batch / DIMENSIONS;
    for (int b = 0; b < batch; b++) {
      float[] v = new float[DIMENSIONS];
      double norm = 0;
      for (int c = 0; c < DIMENSIONS; c++) {
        double sum = 0;
        int base = (b * DIMENSIONS + c) * cells;
        for (int k = 0; k < cells; k++) {
          sum += map[base + k];
        }
        v[c] = (float) (sum / cells);
        norm += v[c] * (double) v[c];
      }
      float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
      for (int c = 0; c < DIMENSIONS; c++) {
        v[c] *= scale;
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
  }
}
