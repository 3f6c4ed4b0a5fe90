package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxSession;
import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TaggerException;
import dev.tagger.TimeSpan;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelEntry;
import dev.tagger.model.ModelStore;
import dev.tagger.model.ResolvedModel;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * COCO object detection with YOLOX: letterbox to the model's square input, decode the anchor-free grid
 * (strides 8, 16, 32), per-class non-maximum suppression, boxes in the original image's pixels. Each
 * box is one detection, so two dogs give the tag dog with count 2 and both boxes as evidence. Labels
 * keep the model's spellings (VOC style: motorbike, tvmonitor); the vision vocabulary maps them to plain
 * words. Thread-safe; owns its ONNX session.
 */
public final class ObjectDetector implements PictureAnalyzer, AutoCloseable {
  public static final String YOLOX_NANO_MODEL = "coco-yolox-nano";
  private static final int[] STRIDES = {8, 16, 32};
  private static final float PAD = 114f;

  private final OnnxSession session;
  private final List<String> labels;
  private final DetectorOptions options;
  private final AnalyzerInfo info;

  private ObjectDetector(ResolvedModel model, List<String> labels, DetectorOptions options) {
    this.labels = List.copyOf(labels);
    this.options = options;
    this.info = new AnalyzerInfo("object-detector", model.entry().id(), model.entry().version(), options.fingerprint());
    this.session = new OnnxSession(model, options.onnx());
  }

  /** YOLOX nano on COCO's 80 classes, model and labels resolved from the store. */
  public static ObjectDetector yoloxNano(ModelStore store, DetectorOptions options) {
    return fromCatalog(store, ModelCatalog.defaults().get(YOLOX_NANO_MODEL), options);
  }

  /**
   * A detector on any catalog entry of the YOLOX family (e.g. YOLOX-s or -m): the entry's labels file if
   * it names one, else COCO's 80 classes; its input size if it gives one.
   */
  public static ObjectDetector fromCatalog(ModelStore store, ModelEntry entry, DetectorOptions options) {
    ResolvedModel model = store.resolve(entry);
    List<String> labels = model.labels().map(Labels::file).orElseGet(() -> Labels.resource("coco_classes.txt"));
    return new ObjectDetector(model, labels, entry.inputSize() > 0 ? options.withInputSize(entry.inputSize()) : options);
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  /** Detections in one picture, strongest first. */
  @Override
  public List<Detection> analyzePicture(RgbImage img, @Nullable TimeSpan span) {
    int size = options.inputSize();
    double r = Math.min(size / (double) img.height(), size / (double) img.width());
    FloatBuffer input = letterbox(img, size, r);
    float[] flat = session.runAll(input, new long[] {1, 3, size, size}).values().iterator().next();
    int classes = labels.size();
    int width = 5 + classes;
    int expectedRows = 0;
    for (int stride : STRIDES) {
      expectedRows += (size / stride) * (size / stride);
    }
    if (flat.length != expectedRows * width) {
      throw new TaggerException("model " + session.modelId() + " gives " + flat.length + " values; expected "
          + expectedRows + " rows of 5 + " + classes + " labels for input " + size);
    }
    List<BoxNms.Candidate> candidates = new ArrayList<>();
    int row = 0;
    for (int stride : STRIDES) {
      int grid = size / stride;
      for (int gy = 0; gy < grid; gy++) {
        for (int gx = 0; gx < grid; gx++, row++) {
          int o = row * width;
          int best = 0;
          for (int c = 1; c < classes; c++) {
            if (flat[o + 5 + c] > flat[o + 5 + best]) {
              best = c;
            }
          }
          float score = flat[o + 4] * flat[o + 5 + best];
          if (score < options.minScore()) {
            continue;
          }
          double cx = (flat[o] + gx) * stride;
          double cy = (flat[o + 1] + gy) * stride;
          double w = Math.exp(flat[o + 2]) * stride;
          double h = Math.exp(flat[o + 3]) * stride;
          candidates.add(new BoxNms.Candidate(best, score, BoxNms.clip(
              (cx - w / 2) / r, (cy - h / 2) / r, (cx + w / 2) / r, (cy + h / 2) / r, img.width(), img.height()), null));
        }
      }
    }
    List<Detection> out = new ArrayList<>();
    for (BoxNms.Candidate c : BoxNms.suppress(candidates, options.nmsIou())) {
      out.add(new Detection(labels.get(c.cls()), Math.min(1.0, c.score()), Category.OBJECT, new Evidence(span, c.box(), null)));
    }
    return out;
  }

  /** BGR, raw 0..255, the image scaled by r and pasted top-left on a canvas of 114, NCHW. */
  static FloatBuffer letterbox(RgbImage img, int size, double r) {
    int w = Math.max(1, (int) Math.round(img.width() * r));
    int h = Math.max(1, (int) Math.round(img.height() * r));
    return BgrCanvas.of(Resize.bilinear(img, Math.min(size, w), Math.min(size, h)), size, size, PAD);
  }

  @Override
  public void close() {
    session.close();
  }
}
