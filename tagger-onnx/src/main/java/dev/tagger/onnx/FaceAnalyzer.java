package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxSession;
import dev.tagger.Box;
import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.Point;
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
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Faces and their expressions: YuNet finds faces (box, score, and five landmarks as evidence points:
 * right eye, left eye, nose tip, right and left mouth corner); each face, padded to a
 * square crop, goes to the FER2013 mini-Xception for one of seven emotions. Per picture it reports
 * {@code face} once per face (so the tag's count is the face count), a people-count bucket
 * ({@code 1 person}, {@code 2 people}, {@code group}) that rules can rename or drop, and the emotion of
 * each face large and clear enough to read, when it clearly leads the runner-up, with the face box as
 * evidence. Faces smaller than {@link FaceOptions#minFaceSide()} are not reported. Thread-safe; owns both ONNX sessions.
 */
public final class FaceAnalyzer implements PictureAnalyzer, AutoCloseable {
  public static final String DETECTOR_MODEL = "face-yunet-dynamic";
  public static final String EMOTION_MODEL = "face-emotion-minixception";
  static final int EMOTION_SIDE = 48;

  private final OnnxSession detector;
  private final @Nullable OnnxSession emotion;
  private final List<String> emotions;
  private final FaceOptions options;
  private final AnalyzerInfo info;

  private FaceAnalyzer(ResolvedModel faces, @Nullable ResolvedModel emotionModel, FaceOptions options) {
    this.options = options;
    this.emotions = Labels.resource("fer2013_labels.txt");
    String model = faces.entry().id() + (emotionModel == null ? "" : "+" + emotionModel.entry().id());
    String version = faces.entry().version() + (emotionModel == null ? "" : "+" + emotionModel.entry().version());
    this.info = new AnalyzerInfo("faces", model, version, options.fingerprint());
    this.detector = new OnnxSession(faces, options.onnx());
    OnnxSession emo = null;
    try {
      emo = emotionModel == null ? null : new OnnxSession(emotionModel, options.onnx());
    } catch (RuntimeException e) {
      detector.close();
      throw e;
    }
    this.emotion = emo;
  }

  /** Face detection and emotions with the catalog's models. */
  public static FaceAnalyzer open(ModelStore store, FaceOptions options) {
    ModelCatalog catalog = ModelCatalog.defaults();
    return new FaceAnalyzer(store.resolve(catalog.get(DETECTOR_MODEL)), store.resolve(catalog.get(EMOTION_MODEL)), options);
  }

  /**
   * Faces with models of the same families from any catalog entries: a YuNet-layout detector and,
   * unless null, a 48×48 grey seven-emotion classifier.
   */
  public static FaceAnalyzer fromCatalog(ModelStore store, ModelEntry detector, @Nullable ModelEntry emotion, FaceOptions options) {
    return new FaceAnalyzer(store.resolve(detector), emotion == null ? null : store.resolve(emotion), options);
  }

  /** Face detection only, no emotions. */
  public static FaceAnalyzer withoutEmotions(ModelStore store, FaceOptions options) {
    return new FaceAnalyzer(store.resolve(ModelCatalog.defaults().get(DETECTOR_MODEL)), null, options);
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  @Override
  public List<Detection> analyzePicture(RgbImage img, @Nullable TimeSpan span) {
    List<BoxNms.Candidate> faces = detect(img).stream()
        .filter(f -> Math.min(f.box().width(), f.box().height()) >= options.minFaceSide()).toList();
    List<Detection> out = new ArrayList<>();
    double scoreSum = 0;
    for (BoxNms.Candidate f : faces) {
      List<Point> landmarks = new ArrayList<>();
      for (int j = 0; j + 1 < f.extra().length; j += 2) {
        landmarks.add(new Point(f.extra()[j], f.extra()[j + 1]));
      }
      out.add(new Detection("face", f.score(), Category.FACE, new Evidence(span, f.box(), null, landmarks)));
      scoreSum += f.score();
    }
    if (!faces.isEmpty()) {
      String bucket = faces.size() == 1 ? "1 person" : faces.size() == 2 ? "2 people" : "group";
      out.add(new Detection(bucket, scoreSum / faces.size(), Category.FACE, span == null ? Evidence.NONE : Evidence.at(span)));
      out.addAll(emotions(img, faces, span));
    }
    return out;
  }

  /** Faces, strongest first, in the picture's own pixels. */
  List<BoxNms.Candidate> detect(RgbImage img) {
    double scale = Math.min(1.0, options.maxSide() / (double) Math.max(img.width(), img.height()));
    RgbImage small = scale < 1
        ? Resize.bilinear(img, Math.max(1, (int) Math.round(img.width() * scale)), Math.max(1, (int) Math.round(img.height() * scale)))
        : img;
    Map<String, float[]> out = detector.runAll(YunetDecoder.input(small),
        new long[] {1, 3, YunetDecoder.padded(small.height()), YunetDecoder.padded(small.width())});
    List<BoxNms.Candidate> found = BoxNms.suppress(YunetDecoder.decode(out, small.width(), small.height(), options.minScore()), options.nmsIou());
    if (scale == 1) {
      return found;
    }
    List<BoxNms.Candidate> scaled = new ArrayList<>();
    for (BoxNms.Candidate c : found) {
      Box b = c.box();
      float[] lm = c.extra().clone();
      for (int i = 0; i < lm.length; i++) {
        lm[i] /= scale;
      }
      scaled.add(new BoxNms.Candidate(0, c.score(), new Box(b.x() / scale, b.y() / scale, b.width() / scale, b.height() / scale), lm));
    }
    return scaled;
  }

  /**
   * The emotion of each face large and clear enough to read one ({@link FaceOptions#emotionMinFaceSide()},
   * {@link FaceOptions#emotionMinFaceScore()}), reported only when it clearly leads the runner-up.
   */
  private List<Detection> emotions(RgbImage img, List<BoxNms.Candidate> all, @Nullable TimeSpan span) {
    List<BoxNms.Candidate> faces = all.stream()
        .filter(f -> f.score() >= options.emotionMinFaceScore())
        .filter(f -> Math.min(f.box().width(), f.box().height()) >= options.emotionMinFaceSide()).toList();
    if (emotion == null || faces.isEmpty()) {
      return List.of();
    }
    int side = EMOTION_SIDE;
    FloatBuffer batch = FloatBuffer.allocate(faces.size() * side * side);
    for (BoxNms.Candidate f : faces) {
      writeGreyCrop(img, f.box(), options.cropPadding(), batch);
    }
    batch.flip();
    float[][] probs = emotion.run(batch, new long[] {faces.size(), side, side, 1});
    List<Detection> out = new ArrayList<>();
    for (int i = 0; i < faces.size(); i++) {
      float[] p = probs[i];
      if (p.length != emotions.size()) {
        throw new TaggerException("emotion model gives " + p.length + " scores; expected " + emotions.size());
      }
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
      }
      float second = 0;
      for (int k = 0; k < p.length; k++) {
        if (k != best) {
          second = Math.max(second, p[k]);
        }
      }
      if (p[best] >= options.minEmotionScore() && p[best] - second >= options.emotionMinMargin()) {
        out.add(new Detection(emotions.get(best), Math.min(1.0, p[best]), Category.FACE, new Evidence(span, faces.get(i).box(), null)));
      }
    }
    return out;
  }

  /** A square crop around the face, widened by the padding, grey, 48×48, scaled to [-1, 1]. */
  static void writeGreyCrop(RgbImage img, Box face, double padding, FloatBuffer out) {
    double side = Math.max(face.width(), face.height()) * (1 + 2 * padding);
    double cx = face.x() + face.width() / 2;
    double cy = face.y() + face.height() / 2;
    int x0 = (int) Math.max(0, Math.round(cx - side / 2));
    int y0 = (int) Math.max(0, Math.round(cy - side / 2));
    int x1 = (int) Math.min(img.width(), Math.round(cx + side / 2));
    int y1 = (int) Math.min(img.height(), Math.round(cy + side / 2));
    int w = Math.max(1, x1 - x0);
    int h = Math.max(1, y1 - y0);
    byte[] crop = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      System.arraycopy(img.pixels(), ((y0 + y) * img.width() + x0) * 3, crop, y * w * 3, w * 3);
    }
    RgbImage small = Resize.bilinear(new RgbImage(w, h, crop), EMOTION_SIDE, EMOTION_SIDE);
    byte[] px = small.pixels();
    for (int i = 0; i < EMOTION_SIDE * EMOTION_SIDE; i++) {
      double grey = 0.299 * (px[3 * i] & 0xFF) + 0.587 * (px[3 * i + 1] & 0xFF) + 0.114 * (px[3 * i + 2] & 0xFF);
      out.put((float) ((grey / 255.0 - 0.5) * 2));
    }
  }

  @Override
  public void close() {
    detector.close();
    if (emotion != null) {
      emotion.close();
    }
  }
}
