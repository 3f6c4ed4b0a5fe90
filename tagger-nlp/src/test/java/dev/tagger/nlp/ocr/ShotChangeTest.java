package dev.tagger.nlp.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import org.junit.jupiter.api.Test;

/** Which video frames OCR reads: the first of each shot, not the frames that show the same again. */
class ShotChangeTest {
  @Test
  void theSameShotIsReadOnceACutOrNewTextIsReadAgain() {
    RgbImage cat = TestMedia.scale(SignOcrTest.picture("cat-chelsea.png"), 640, 360);
    RgbImage sign = TestMedia.scale(SignOcrTest.picture("sign-campus.jpg"), 640, 360);
    RgbImage grainyCat = noisy(cat, 6);
    ShotChange shots = new ShotChange();
    assertThat(shots.isNewShot(cat)).isTrue();
    assertThat(shots.isNewShot(cat)).isFalse();
    assertThat(shots.isNewShot(grainyCat)).as("sensor noise is not a new shot").isFalse();
    assertThat(shots.isNewShot(sign)).as("a cut").isTrue();
    assertThat(shots.isNewShot(sign)).isFalse();
    assertThat(shots.isNewShot(cat)).isTrue();
  }

  /** The picture with a fixed pattern of up to ±amplitude grey levels on each pixel. */
  static RgbImage noisy(RgbImage img, int amplitude) {
    byte[] px = img.pixels().clone();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < px.length; i++) {
      int v = (px[i] & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude;
      px[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return new RgbImage(img.width(), img.height(), px);
  }
}
