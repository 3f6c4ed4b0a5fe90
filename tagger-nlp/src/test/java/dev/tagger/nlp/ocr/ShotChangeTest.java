package dev.tagger.nlp.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import org.junit.jupiter.api.Test;

/**
 * Which video frames OCR reads: the first of each shot, a moving shot again every few seconds, never the
 * frames that show the same view again.
 */
class ShotChangeTest {
  static final RgbImage CAT = TestMedia.scale(SignOcrTest.picture("cat-chelsea.png"), 640, 360);
  static final RgbImage SIGN = TestMedia.scale(SignOcrTest.picture("sign-campus.jpg"), 640, 360);

  @Test
  void theSameViewIsReadOnceACutIsReadAtOnce() {
    ShotChange shots = new ShotChange();
    assertThat(shots.isNewShot(CAT, 0)).isTrue();
    assertThat(shots.isNewShot(CAT, 2)).isFalse();
    assertThat(shots.isNewShot(noisy(CAT, 6), 4)).as("sensor noise is the same view").isFalse();
    assertThat(shots.isNewShot(CAT, 60)).as("however long it stays").isFalse();
    assertThat(shots.isNewShot(SIGN, 62)).as("a cut").isTrue();
    assertThat(shots.isNewShot(SIGN, 64)).isFalse();
    assertThat(shots.isNewShot(CAT, 66)).as("a cut back").isTrue();
  }

  @Test
  void aPanIsReadEverySixSecondsNotAtEverySample() {
    // the sign panned 12 px a sample (one every 2 s): the view moves on, the shot goes on
    ShotChange shots = new ShotChange();
    int read = 0;
    StringBuilder times = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      if (shots.isNewShot(shifted(SIGN, 12 * i), 2.0 * i)) {
        read++;
        times.append(2 * i).append(' ');
      }
    }
    assertThat(shots.isNewShot(shifted(SIGN, 12 * 14), 28.5)).as("the last frame read, again").isFalse();
    assertThat(times.toString().strip()).isEqualTo("0 6 12 18 24");
    assertThat(read).isEqualTo(5);
  }

  /** The picture moved left by dx pixels, its right edge repeated. */
  static RgbImage shifted(RgbImage img, int dx) {
    byte[] px = new byte[img.pixels().length];
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        int from = (y * img.width() + Math.min(img.width() - 1, x + dx)) * 3;
        System.arraycopy(img.pixels(), from, px, (y * img.width() + x) * 3, 3);
      }
    }
    return new RgbImage(img.width(), img.height(), px);
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
