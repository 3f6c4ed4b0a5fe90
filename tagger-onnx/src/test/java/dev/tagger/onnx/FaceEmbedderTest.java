package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Box;
import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same person is recognised across photos: on shared/testdata/faces-identity (8 people x 5 photos, read
 * in place), each face's nearest other face is the same person's for at least 9 in 10 faces, and faces of
 * different people are rarely closer than the "same person" distance. The YuNet box crop without
 * alignment is measured beside it.
 */
class FaceEmbedderTest {
  record Face(String person, float[] aligned, float[] boxCrop) {}

  @Test
  void theSamePersonIsRecognisedAcrossPhotos() throws Exception {
    List<Face> faces = new ArrayList<>();
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    try (FaceAnalyzer detector = FaceAnalyzer.withoutEmotions(TestModels.store(), FaceOptions.DEFAULT);
        FaceEmbedder embedder = FaceEmbedder.open(TestModels.store(), new OnnxOptions(2));
        Stream<Path> files = Files.list(TestModels.testdata("faces-identity"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
        RgbImage img = decoder.decodeImage(Media.of(p));
        BoxNms.Candidate face = detector.detect(img).stream()
            .max(Comparator.comparingDouble(c -> c.box().width() * c.box().height())).orElseThrow(() -> new AssertionError("no face in " + p));
        var aligned = embedder.embed(img, face.box(), face.extra(), face.score());
        assertThat(aligned).as("face in %s", p.getFileName()).isPresent();
        float[] crop = embedder.descriptors(List.of(Resize.bilinear(crop(img, face.box()), FaceAlignment.SIZE, FaceAlignment.SIZE))).get(0);
        faces.add(new Face(p.getFileName().toString().replaceAll("[0-9]*\\.png$", ""), aligned.get().vector(), crop));
      }
    }
    assertThat(faces).hasSize(40);
    double[] aligned = figures(faces, true);
    double[] boxCrop = figures(faces, false);
    System.out.printf(Locale.ROOT, "faces-identity (40 faces): aligned rank-1 %.3f, genuine < 0.6 %.3f, impostor < 0.6 %.4f;"
        + " box crop rank-1 %.3f, genuine < 0.6 %.3f, impostor < 0.6 %.4f%n", aligned[0], aligned[1], aligned[2], boxCrop[0], boxCrop[1], boxCrop[2]);
    assertThat(aligned[0]).as("rank-1").isGreaterThanOrEqualTo(0.9);
    assertThat(aligned[2]).as("impostor pairs closer than 0.6").isLessThan(0.05);
  }

  /** {rank-1, share of same-person pairs under 0.6, share of different-person pairs under 0.6}. */
  static double[] figures(List<Face> faces, boolean aligned) {
    int right = 0;
    int genuine = 0;
    int genuineClose = 0;
    int impostor = 0;
    int impostorClose = 0;
    for (int i = 0; i < faces.size(); i++) {
      double best = Double.MAX_VALUE;
      String who = null;
      for (int j = 0; j < faces.size(); j++) {
        if (i == j) {
          continue;
        }
        double d = FaceEmbedder.distance(vector(faces.get(i), aligned), vector(faces.get(j), aligned));
        if (d < best) {
          best = d;
          who = faces.get(j).person();
        }
        if (j > i) {
          boolean same = faces.get(i).person().equals(faces.get(j).person());
          genuine += same ? 1 : 0;
          genuineClose += same && d < FaceEmbedder.SAME_PERSON ? 1 : 0;
          impostor += same ? 0 : 1;
          impostorClose += !same && d < FaceEmbedder.SAME_PERSON ? 1 : 0;
        }
      }
      right += faces.get(i).person().equals(who) ? 1 : 0;
    }
    return new double[] {right / (double) faces.size(), genuineClose / (double) genuine, impostorClose / (double) impostor};
  }

  static float[] vector(Face f, boolean aligned) {
    return aligned ? f.aligned() : f.boxCrop();
  }

  static RgbImage crop(RgbImage img, Box b) {
    int x0 = Math.max(0, (int) b.x());
    int y0 = Math.max(0, (int) b.y());
    int w = Math.min(img.width() - x0, (int) b.width());
    int h = Math.min(img.height() - y0, (int) b.height());
    byte[] px = new byte[w * h * 3];
    for (int r = 0; r < h; r++) {
      System.arraycopy(img.pixels(), ((y0 + r) * img.width() + x0) * 3, px, r * w * 3, w * 3);
    }
    return new RgbImage(w, h, px);
  }
}
