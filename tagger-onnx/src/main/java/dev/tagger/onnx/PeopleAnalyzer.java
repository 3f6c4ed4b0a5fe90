package dev.tagger.onnx;

import dev.tagger.MediaKind;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.FaceSample;
import dev.tagger.spi.Picture;
import dev.tagger.spi.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who the faces are (analyzer {@code people}, off by default): each face YuNet finds in a still or a sampled
 * frame, aligned and described by {@link FaceEmbedder}, handed on as a {@link FaceSample} for the people
 * store, which clusters them and names the people it knows. It reports no tags of its own. Thread-safe;
 * owns its sessions.
 */
public final class PeopleAnalyzer implements FrameAnalyzer, AutoCloseable {
  /** Most faces kept from one item (a long video would otherwise give one per face per frame). */
  static final int MAX_FACES = 60;

  private final FaceAnalyzer detector;
  private final FaceEmbedder embedder;
  private final AnalyzerInfo info;

  private PeopleAnalyzer(FaceAnalyzer detector, FaceEmbedder embedder) {
    this.detector = detector;
    this.embedder = embedder;
    this.info = new AnalyzerInfo("people", FaceEmbedder.MODEL, embedder.version(), "min-side=" + FaceEmbedder.MIN_FACE_SIDE
        + ",min-sharpness=" + FaceEmbedder.MIN_SHARPNESS);
  }

  public static PeopleAnalyzer open(ModelStore store, FaceOptions faces, OnnxOptions onnx) {
    FaceAnalyzer detector = FaceAnalyzer.withoutEmotions(store, faces.withOnnx(onnx));
    try {
      return new PeopleAnalyzer(detector, FaceEmbedder.open(store, onnx));
    } catch (RuntimeException e) {
      detector.close();
      throw e;
    }
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
    List<FaceSample> faces = new ArrayList<>();
    return new Pass() {
      @Override
      public void look(Picture p) {
        RgbImage img = p.image();
        for (BoxNms.Candidate c : detector.detect(img)) {
          if (faces.size() >= MAX_FACES) {
            break;
          }
          embedder.embed(img, c.box(), c.extra(), c.score()).ifPresent(v -> faces.add(
              new FaceSample(v.vector(), v.box(), p.span() == null ? null : p.span().startSeconds(), v.score())));
        }
      }

      @Override
      public AnalyzerOutput finish() {
        return AnalyzerOutput.EMPTY.withFaces(faces);
      }
    };
  }

  @Override
  public void close() {
    embedder.close();
    detector.close();
  }
}
