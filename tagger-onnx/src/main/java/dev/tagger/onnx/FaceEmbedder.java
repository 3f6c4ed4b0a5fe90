package dev.tagger.onnx;

import dev.tagger.Box;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.onnx.runtime.OnnxSession;
import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a face is, as 128 numbers: dlib's ResNet face descriptor ({@code face-embed-dlib-128}) on the face
 * aligned on YuNet's landmarks ({@link FaceAlignment}). Two faces of the same person lie closer than
 * {@link #SAME_PERSON} (Euclidean), as face-api.js and dlib use it. Faces too small or too blurred to identify
 * are skipped. Thread-safe; owns its native session.
 */
public final class FaceEmbedder implements AutoCloseable {
  public static final String MODEL = "face-embed-dlib-128";
  /** dlib's and face-api.js's distance for "the same person". */
  public static final double SAME_PERSON = 0.6;
  /** Faces narrower than this (pixels) are not identified. */
  public static final double MIN_FACE_SIDE = 40;
  /** Chips whose Laplacian variance is below this are too blurred to identify. */
  public static final double MIN_SHARPNESS = 15;

  /** A face's descriptor, with its box and how clearly it was seen (YuNet's score, the chip's sharpness). */
  public record FaceVector(float[] vector, Box box, double score, double sharpness) {}

  private final OnnxSession session;
  private final String version;

  private FaceEmbedder(OnnxSession session, String version) {
    this.session = session;
    this.version = version;
  }

  /** Opens the descriptor model from the store; a missing file says how to obtain it (it is a derived model). */
  public static FaceEmbedder open(ModelStore store, OnnxOptions onnx) {
    var entry = ModelCatalog.defaults().get(MODEL);
    return new FaceEmbedder(new OnnxSession(store.resolve(entry), onnx), entry.version());
  }

  public String version() {
    return version;
  }

  /** The face's descriptor, or empty when the face is too small or too blurred to identify. */
  public Optional<FaceVector> embed(RgbImage img, Box box, float[] landmarks, double score) {
    if (!readable(box, landmarks)) {
      return Optional.empty();
    }
    RgbImage chip = FaceAlignment.chip(img, landmarks);
    double sharpness = FaceAlignment.sharpness(chip);
    if (sharpness < MIN_SHARPNESS) {
      return Optional.empty();
    }
    return Optional.of(new FaceVector(descriptors(List.of(chip)).get(0), box, score, sharpness));
  }

  /** Whether a face is large enough to read who it is, or anything else of it, and has the landmarks to align it. */
  static boolean readable(Box box, float[] landmarks) {
    return Math.min(box.width(), box.height()) >= MIN_FACE_SIDE && landmarks.length >= 6;
  }

  /** Descriptors of 150 x 150 RGB chips. */
  List<float[]> descriptors(List<RgbImage> chips) {
    FloatBuffer input = FloatBuffer.allocate(chips.size() * FaceAlignment.SIZE * FaceAlignment.SIZE * 3);
    chips.forEach(c -> FaceAlignment.putPixels(c, input));
    input.flip();
    float[][] rows = session.run(input, new long[] {chips.size(), FaceAlignment.SIZE, FaceAlignment.SIZE, 3});
    List<float[]> out = new ArrayList<>();
    for (float[] r : rows) {
      out.add(r);
    }
    return out;
  }

  /** Euclidean distance between two descriptors. */
  public static double distance(float[] a, float[] b) {
    return dev.tagger.people.PeopleStore.distance(a, b);
  }

  @Override
  public void close() {
    session.close();
  }
}
