package dev.tagger.onnx;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TaggerException;
import dev.tagger.TimeSpan;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.onnx.runtime.OnnxSession;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A content rating for stills and sampled video frames (analyzer {@code rating}, off by default): nsfwjs's
 * MobileNetV2 ({@code content-rating-nsfwjs-mobilenetv2}), whose five classes are read as three
 * {@link Category#RATING} tags. {@code rating: explicit} is Porn plus Hentai; {@code rating: suggestive} is
 * Sexy plus the explicit share, so an explicit picture is suggestive too and a picture the model is torn on
 * between Sexy and Porn (as it is on people in short dresses) is not called explicit; {@code drawing} is
 * Drawing plus Hentai. Each is reported only from {@link #FLOOR} up; the tag policy's hand-set curves
 * ({@code calibration-set.json}) decide what is applied: a rating only from a raw score above any the dev
 * set's ordinary photos reach, {@code drawing} (unreliable on photos) only ever for review. On video each
 * frame is rated, so the tags get segments. Thread-safe; owns its session.
 */
public final class ContentRatingAnalyzer implements PictureAnalyzer, AutoCloseable {
  public static final String MODEL = "content-rating-nsfwjs-mobilenetv2";
  public static final String EXPLICIT = "rating: explicit";
  public static final String SUGGESTIVE = "rating: suggestive";
  public static final String DRAWING = "drawing";
  static final int SIDE = 224;
  /** Scores below this are not reported at all. */
  static final double FLOOR = 0.3;
  private static final int DRAWING_CLASS = 0;
  private static final int HENTAI = 1;
  private static final int PORN = 3;
  private static final int SEXY = 4;

  private final OnnxSession session;
  private final AnalyzerInfo info;

  private ContentRatingAnalyzer(OnnxSession session, String version) {
    this.session = session;
    this.info = new AnalyzerInfo("content-rating", MODEL, version, "explicit=porn+hentai,suggestive=sexy+explicit,drawing=drawing+hentai,floor=" + FLOOR);
  }

  /** The rating model, resolved from the store (it is derived: a missing file is an error that says where to get it). */
  public static ContentRatingAnalyzer open(ModelStore store, OnnxOptions onnx) {
    var entry = ModelCatalog.defaults().get(MODEL);
    return new ContentRatingAnalyzer(new OnnxSession(store.resolve(entry), onnx), entry.version());
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  @Override
  public List<Detection> analyzePicture(RgbImage image, @Nullable TimeSpan span) {
    float[] p = classes(image);
    double explicit = p[PORN] + p[HENTAI];
    double[] scores = {explicit, p[SEXY] + explicit, p[DRAWING_CLASS] + p[HENTAI]};
    String[] labels = {EXPLICIT, SUGGESTIVE, DRAWING};
    Evidence where = span == null ? Evidence.NONE : Evidence.at(span);
    List<Detection> out = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (scores[i] >= FLOOR) {
        out.add(new Detection(labels[i], Math.min(1.0, scores[i]), Category.RATING, where));
      }
    }
    return out;
  }

  /** The model's five probabilities: Drawing, Hentai, Neutral, Porn, Sexy. */
  float[] classes(RgbImage image) {
    FloatBuffer input = FloatBuffer.allocate(SIDE * SIDE * 3);
    write(image, input);
    input.flip();
    float[] p = session.run(input, new long[] {1, SIDE, SIDE, 3})[0];
    if (p.length != 5) {
      throw new TaggerException("model " + MODEL + " gives " + p.length + " scores, not the 5 of Drawing, Hentai, Neutral, Porn, Sexy");
    }
    return p;
  }

  /** The whole picture squeezed to 224 x 224 (bilinear, corners aligned, as TF.js resizes for nsfwjs), RGB / 255, NHWC. */
  static void write(RgbImage img, FloatBuffer out) {
    byte[] px = img.pixels();
    int w = img.width();
    int h = img.height();
    double sx = SIDE > 1 ? (w - 1) / (double) (SIDE - 1) : 0;
    double sy = SIDE > 1 ? (h - 1) / (double) (SIDE - 1) : 0;
    for (int y = 0; y < SIDE; y++) {
      double fy = y * sy;
      int y0 = (int) fy;
      int y1 = Math.min(h - 1, y0 + 1);
      double dy = fy - y0;
      for (int x = 0; x < SIDE; x++) {
        double fx = x * sx;
        int x0 = (int) fx;
        int x1 = Math.min(w - 1, x0 + 1);
        double dx = fx - x0;
        for (int c = 0; c < 3; c++) {
          double top = (px[(y0 * w + x0) * 3 + c] & 0xFF) * (1 - dx) + (px[(y0 * w + x1) * 3 + c] & 0xFF) * dx;
          double bottom = (px[(y1 * w + x0) * 3 + c] & 0xFF) * (1 - dx) + (px[(y1 * w + x1) * 3 + c] & 0xFF) * dx;
          out.put((float) ((top * (1 - dy) + bottom * dy) / 255.0));
        }
      }
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
