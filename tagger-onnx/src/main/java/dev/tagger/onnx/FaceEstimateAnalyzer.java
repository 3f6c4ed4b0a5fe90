package dev.tagger.onnx;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
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
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Age range and apparent gender estimated from each face (analyzer {@code age-gender}, off by default):
 * face-api.js's AgeGenderNet ({@code face-age-gender}) on the face aligned on YuNet's landmarks. Reported in
 * their own category, {@link Category#ESTIMATE}, named as estimates ({@code age: 20-34 (estimate)},
 * {@code gender: female (estimate)}), never as who someone is. The model gives an age in years; the
 * confidence of a range is the chance that the true age falls in it when the estimate errs like a normal
 * with a standard deviation of {@link #AGE_ERROR_YEARS}, so an estimate near a boundary is not sure of
 * either side. Gender's confidence is the model's softmax. Faces too small to read are skipped.
 * Thread-safe; owns its sessions.
 */
public final class FaceEstimateAnalyzer implements PictureAnalyzer, AutoCloseable {
  public static final String MODEL = "face-age-gender";
  /** The spread assumed for the model's age error (face-api.js's AgeGenderNet errs by about six years). */
  static final double AGE_ERROR_YEARS = 6;
  static final int SIDE = 112;
  /** The age ranges reported, as [from, to) in years. */
  static final double[][] RANGES = {{0, 13}, {13, 20}, {20, 35}, {35, 50}, {50, 65}, {65, 200}};

  private final FaceAnalyzer detector;
  private final OnnxSession session;
  private final AnalyzerInfo info;

  private FaceEstimateAnalyzer(FaceAnalyzer detector, OnnxSession session, String version) {
    this.detector = detector;
    this.session = session;
    this.info = new AnalyzerInfo("age-gender", MODEL, version, "min-side=" + FaceEmbedder.MIN_FACE_SIDE + ",age-sd=" + AGE_ERROR_YEARS);
  }

  public static FaceEstimateAnalyzer open(ModelStore store, FaceOptions faces, OnnxOptions onnx) {
    FaceAnalyzer detector = FaceAnalyzer.withoutEmotions(store, faces.withOnnx(onnx));
    try {
      var entry = ModelCatalog.defaults().get(MODEL);
      return new FaceEstimateAnalyzer(detector, new OnnxSession(store.resolve(entry), onnx), entry.version());
    } catch (RuntimeException e) {
      detector.close();
      throw e;
    }
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  /** One face's estimate: age in years, the chance it is female. */
  record Estimate(double age, double female) {}

  @Override
  public List<Detection> analyzePicture(RgbImage img, @Nullable TimeSpan span) {
    List<Detection> out = new ArrayList<>();
    for (BoxNms.Candidate c : detector.detect(img)) {
      if (!FaceEmbedder.readable(c.box(), c.extra())) {
        continue;
      }
      Estimate e = estimate(Resize.bilinear(FaceAlignment.chip(img, c.extra()), SIDE, SIDE));
      Evidence where = new Evidence(span, c.box(), null);
      double[] range = RANGES[rangeOf(e.age())];
      out.add(new Detection(ageLabel(range), chanceWithin(e.age(), range), Category.ESTIMATE, where));
      boolean female = e.female() >= 0.5;
      out.add(new Detection("gender: " + (female ? "female" : "male") + " (estimate)", female ? e.female() : 1 - e.female(), Category.ESTIMATE, where));
    }
    return out;
  }

  /** The estimate for one aligned 112 x 112 RGB face. */
  Estimate estimate(RgbImage face) {
    FloatBuffer input = FloatBuffer.allocate(SIDE * SIDE * 3);
    FaceAlignment.putPixels(face, input);
    input.flip();
    Map<String, float[]> outputs = session.runAll(input, new long[] {1, SIDE, SIDE, 3});
    float[] age = null;
    float[] gender = null;
    for (float[] o : outputs.values()) { // one output holds the age, the other [male, female]
      if (o.length == 1) {
        age = o;
      } else if (o.length == 2) {
        gender = o;
      }
    }
    if (age == null || gender == null) {
      throw new dev.tagger.TaggerException("model " + MODEL + ": expected an age and a [male, female] output, got " + outputs.keySet());
    }
    return new Estimate(age[0], gender[1]);
  }

  static int rangeOf(double age) {
    for (int i = 0; i < RANGES.length; i++) {
      if (age < RANGES[i][1]) {
        return i;
      }
    }
    return RANGES.length - 1;
  }

  static String ageLabel(double[] range) {
    String span = range[0] == 0 ? "under " + (int) range[1] : range[1] >= 200 ? (int) range[0] + "+" : (int) range[0] + "-" + (int) (range[1] - 1);
    return "age: " + span + " (estimate)";
  }

  /** The chance that a true age lies in the range, given the estimate and the assumed error. */
  static double chanceWithin(double estimate, double[] range) {
    return phi((range[1] - estimate) / AGE_ERROR_YEARS) - phi((range[0] - estimate) / AGE_ERROR_YEARS);
  }

  /** The standard normal distribution function (Abramowitz and Stegun 7.1.26 for erf; error under 1.5e-7). */
  static double phi(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      detector.close();
    }
  }
}
