package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {
  final ImagePreprocessor pre = new ImagePreprocessor(256, 224, ClassifierOptions.IMAGENET.mean(), ClassifierOptions.IMAGENET.std());

  @Test
  void theImageNetMeanColourBecomesZeroAndPlanesAreRgbOrder() {
    FloatBuffer out = FloatBuffer.allocate(3 * 224 * 224);
    pre.write(TestMedia.solid(640, 480, 124, 116, 104), out);
    for (float v : out.array()) {
      assertThat((double) v).isCloseTo(0, within(0.01));
    }
    FloatBuffer red = FloatBuffer.allocate(3 * 224 * 224);
    pre.write(TestMedia.solid(300, 300, 255, 0, 0), red);
    assertThat((double) red.get(0)).isCloseTo((1 - 0.485) / 0.229, within(1e-4));
    assertThat((double) red.get(224 * 224)).isCloseTo(-0.456 / 0.224, within(1e-4));
    assertThat((double) red.get(2 * 224 * 224)).isCloseTo(-0.406 / 0.225, within(1e-4));
  }

  @Test
  void takesTheCentreCropOfTheShortSideResize() {
    // left third black, middle white, right third black: after short side 256 and centre crop 224
    // of a 3:1 wide image, only the white middle remains.
    int w = 900;
    int h = 300;
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 300; x < 600; x++) {
        int i = (y * w + x) * 3;
        px[i] = px[i + 1] = px[i + 2] = (byte) 255;
      }
    }
    FloatBuffer out = FloatBuffer.allocate(3 * 224 * 224);
    pre.write(new RgbImage(w, h, px), out);
    float white = (float) ((1 - 0.485) / 0.229);
    assertThat((double) out.get(112 * 224 + 5)).isCloseTo(white, within(1e-3));
    assertThat((double) out.get(112 * 224 + 218)).isCloseTo(white, within(1e-3));
  }

  @Test
  void largePhotosAreAveragedNotSampledSparsely() {
    // a fine checkerboard averages to mid grey; sparse point sampling would give black or white
    int w = 4000;
    int h = 3000;
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (((x + y) & 1) == 0) {
          int i = (y * w + x) * 3;
          px[i] = px[i + 1] = px[i + 2] = (byte) 255;
        }
      }
    }
    FloatBuffer out = FloatBuffer.allocate(3 * 224 * 224);
    pre.write(new RgbImage(w, h, px), out);
    float grey = (float) ((127.0 / 255 - 0.485) / 0.229);
    assertThat((double) out.get(100 * 224 + 100)).isCloseTo(grey, within(0.05));
  }

  @Test
  void optionsRejectImpossibleValues() {
    assertThatThrownBy(() -> ClassifierOptions.IMAGENET.withTopK(0)).hasMessage("topK must be >= 1, got 0");
    assertThatThrownBy(() -> ClassifierOptions.IMAGENET.withMinScore(2)).hasMessage("minScore must be in [0, 1], got 2.0");
  }
}
