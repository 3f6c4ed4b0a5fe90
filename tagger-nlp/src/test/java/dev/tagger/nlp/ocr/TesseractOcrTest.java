package dev.tagger.nlp.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Media;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TextItem;
import dev.tagger.nlp.KeywordAnalyzer;
import dev.tagger.testkit.Fixtures.ImageIoDecoder;
import dev.tagger.testkit.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tesseract on a photographed page of a printed book, measured by character error rate. */
class TesseractOcrTest {
  /** The page as printed (scikit-image's page.png), transcribed by hand. */
  static final String PAGE_TRUTH = """
      Region-based segmentation
      Let us first determine markers of the coins and the
      background. These markers are pixels that we can label
      unambiguously as either object or background. Here,
      the markers are found at the two extreme parts of the
      histogram of grey values:
      >>> markers = np.zeros_like(coins)""";

  static TesseractOcr ocr;

  @BeforeAll
  static void open() {
    ocr = new TesseractOcr();
    assertThat(ocr.unavailable()).as("Tesseract must be installed for this test (apt-get install libtesseract5)").isEmpty();
  }

  @Test
  void readsAPhotographedPrintedPage() {
    TagResult r = Tagger.builder().decoder(new ImageIoDecoder()).analyzer(ocr).analyzer(new KeywordAnalyzer()).build()
        .tag(Media.of(TestModels.sampleMedia().resolve("printed-page.png")));

    assertThat(r.error()).isNull();
    TextItem read = r.texts().stream().filter(t -> t.kind().equals("ocr")).findFirst().orElseThrow();
    double cer = characterErrorRate(PAGE_TRUTH, read.text());
    System.out.printf("Tesseract on printed-page.png: CER %.3f%nread:%n%s%n", cer, read.text());
    assertThat(cer).isLessThan(0.10);
    assertThat(read.source().analyzer()).isEqualTo("ocr");
    assertThat(r.tags()).anySatisfy(t -> {
      assertThat(t.category()).isEqualTo(Category.TEXT);
      assertThat(t.evidence()).allSatisfy(e -> assertThat(e.box()).isNotNull());
    });
    assertThat(r.tags()).extracting(Tag::name).contains("marker", "background");
  }

  @Test
  void aPageShownForAFewSecondsOfVideoIsOneTextSegment(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var decoder = new dev.tagger.media.FfmpegMediaDecoder();
    var cat = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    var page = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("printed-page.png")));
    var video = dev.tagger.media.TestMedia.video(dir.resolve("page.mkv"), 768, 382, 10, java.util.List.of(
        new dev.tagger.media.TestMedia.Shot(cat, 3), new dev.tagger.media.TestMedia.Shot(page, 4), new dev.tagger.media.TestMedia.Shot(cat, 3)));

    TagResult r = Tagger.builder().decoder(decoder).analyzer(ocr).sampling(new dev.tagger.spi.SamplingPolicy(1, 100)).build().tag(Media.of(video));

    var segments = r.texts().stream().filter(t -> t.text().contains("segmentation")).toList();
    assertThat(segments).hasSize(1);
    assertThat(segments.get(0).span().startSeconds()).isCloseTo(3, org.assertj.core.api.Assertions.within(1.0));
    assertThat(segments.get(0).span().endSeconds()).isCloseTo(7, org.assertj.core.api.Assertions.within(1.0));
  }

  @Test
  void aPhotoWithoutTextGivesLittleOrNothing() {
    TagResult r = Tagger.builder().decoder(new ImageIoDecoder()).analyzer(ocr).build()
        .tag(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    int chars = r.texts().stream().mapToInt(t -> t.text().length()).sum();
    assertThat(chars).isLessThan(10);
  }

  /** Levenshtein distance over the truth's length, whitespace runs counted as one space. */
  static double characterErrorRate(String truth, String read) {
    String a = truth.replaceAll("\\s+", " ").strip();
    String b = read.replaceAll("\\s+", " ").strip();
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] / (double) a.length();
  }
}
