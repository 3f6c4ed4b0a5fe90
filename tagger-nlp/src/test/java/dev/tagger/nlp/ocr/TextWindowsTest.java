package dev.tagger.nlp.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Box;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a large still the detector looks at full resolution only around the text its low-resolution look
 * found, and a region is cut from the full picture only when it is too small in the reduced one.
 */
class TextWindowsTest {
  static PaddleOcr paddle;

  @BeforeAll
  static void open() {
    paddle = new PaddleOcr();
  }

  @AfterAll
  static void close() {
    paddle.close();
  }

  @Test
  void nearbyRegionsShareAWindowAFarOneHasItsOwnAndMostOfThePictureMeansAllOfIt() {
    List<Box> twoLinesAndALabel = List.of(new Box(100, 100, 300, 40), new Box(100, 160, 280, 40), new Box(1700, 1300, 120, 30));
    List<Box> windows = TextWindows.around(twoLinesAndALabel, 2000, 1500);
    assertThat(windows).hasSize(2);
    assertThat(windows.get(0)).satisfies(w -> {
      assertThat(w.x()).isLessThan(100);
      assertThat(w.y() + w.height()).isGreaterThan(200);
    });
    assertThat(windows.get(1).x() + windows.get(1).width()).isLessThanOrEqualTo(2000); // within the picture

    List<Box> everywhere = List.of(new Box(0, 0, 1800, 600), new Box(0, 800, 1800, 600));
    assertThat(TextWindows.around(everywhere, 2000, 1500)).isNull();
  }

  @Test
  void aSignInAHalfSizeDecodeIsReadThereWithoutDecodingTheFullPhoto() {
    RgbImage still = SignOcrTest.picture("sign-parking.jpg");
    RgbImage half = TestMedia.scale(still, 2000, 1500); // a 12 MP photo decoded at half size
    AtomicInteger fullDecodes = new AtomicInteger();
    Supplier<RgbImage> full = () -> {
      fullDecodes.incrementAndGet();
      return TestMedia.scale(still, 4000, 3000);
    };

    PaddleOcr.Reading r = paddle.readRegions(half, full, false, Long.MAX_VALUE);

    String read = SignOcrTest.text(r.lines(), null);
    double cer = TesseractOcrTest.characterErrorRate(SignOcrTest.PARKING_TRUTH, read.replace("ATALL", "AT ALL"));
    System.out.printf("sign at half of 12 MP: CER %.3f [%s], full decodes %d%n", cer, read, fullDecodes.get());
    assertThat(cer).isLessThan(0.10);
    assertThat(fullDecodes.get()).as("its letters are taller than the recognizer reads them").isZero();
  }

  @Test
  void smallPrintInAHalfSizeDecodeIsCutFromTheFullPhoto() {
    // the printed page on a 4000x3000 photo, 1300 px wide: most of its lines' regions are under 48 px high in the half-size decode
    RgbImage page = SignOcrTest.picture("printed-page.png");
    RgbImage fullPhoto = onGrey(TestMedia.scale(page, 1300, 647), 4000, 3000, 400, 300);
    RgbImage half = TestMedia.scale(fullPhoto, 2000, 1500);
    AtomicInteger fullDecodes = new AtomicInteger();

    PaddleOcr.Reading r = paddle.readRegions(half, () -> {
      fullDecodes.incrementAndGet();
      return fullPhoto;
    }, false, Long.MAX_VALUE);

    String read = SignOcrTest.text(r.lines(), null);
    System.out.printf("page in a 12 MP photo: %s; full decodes %d; region heights in the half-size decode %s%n", read, fullDecodes.get(),
        r.regions().stream().map(b -> (int) b.height()).toList());
    assertThat(fullDecodes.get()).isEqualTo(1);
    assertThat(read).contains("Region-based", "markers");
    assertThat(r.regions()).allSatisfy(b -> assertThat(b.x()).isGreaterThanOrEqualTo(150)); // boxes in the half-size picture
  }

  /** {@code img} at ({@code x}, {@code y}) on a mid-grey picture. */
  static RgbImage onGrey(RgbImage img, int width, int height, int x, int y) {
    byte[] px = new byte[width * height * 3];
    java.util.Arrays.fill(px, (byte) 128);
    for (int row = 0; row < img.height(); row++) {
      System.arraycopy(img.pixels(), row * img.width() * 3, px, ((y + row) * width + x) * 3, img.width() * 3);
    }
    return new RgbImage(width, height, px);
  }
}
