package dev.tagger.nlp.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TextItem;
import dev.tagger.testkit.Fixtures.ImageIoDecoder;
import dev.tagger.testkit.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PP-OCRv4 (ONNX) on the same photographed printed page as Tesseract, by character error rate. */
class PaddleOcrTest {
  static PaddleOcr ocr;

  @BeforeAll
  static void open() {
    ocr = new PaddleOcr();
  }

  @AfterAll
  static void close() {
    ocr.close();
  }

  @Test
  void readsAPhotographedPrintedPage() {
    TagResult r = Tagger.builder().decoder(new ImageIoDecoder()).analyzer(ocr).build()
        .tag(Media.of(TestModels.sampleMedia().resolve("printed-page.png")));

    TextItem read = r.texts().stream().filter(t -> t.kind().equals("ocr")).findFirst().orElseThrow();
    double cer = TesseractOcrTest.characterErrorRate(TesseractOcrTest.PAGE_TRUTH, read.text());
    System.out.printf("PP-OCRv4 on printed-page.png: CER %.3f%nread:%n%s%n", cer, read.text());
    assertThat(cer).isLessThan(0.15);
    assertThat(read.text()).contains("Region-based segmentation", "unambiguously as either object or background");
    assertThat(read.source().analyzer()).isEqualTo("ocr-ppocr");
  }

  @Test
  void aPhotoWithoutTextGivesNothing() {
    TagResult r = Tagger.builder().decoder(new ImageIoDecoder()).analyzer(ocr).build()
        .tag(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    assertThat(r.texts()).isEmpty();
  }
}
