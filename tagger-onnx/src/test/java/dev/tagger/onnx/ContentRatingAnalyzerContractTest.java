package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyzer contract for {@link ContentRatingAnalyzer}, and what a person would check: no ordinary
 * sample photo gets near an explicit or suggestive rating (every score stays below 0.93, where the
 * hand-set curve starts its review band), and the picture reaches the model whole, corners kept.
 */
class ContentRatingAnalyzerContractTest extends AnalyzerContractKit {
  static ContentRatingAnalyzer rating;

  @BeforeAll
  static void open() {
    rating = ContentRatingAnalyzer.open(TestModels.store(), new OnnxOptions(2));
  }

  @AfterAll
  static void close() {
    rating.close();
  }

  @Override
  protected Analyzer analyzer() {
    return rating;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("sign-parking.jpg"))); // Drawing 0.45: something to report
  }

  @Test
  void noOrdinaryPhotoComesNearAnExplicitOrSuggestiveRating() throws Exception {
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    List<Path> photos;
    try (Stream<Path> files = Files.list(TestModels.sampleMedia())) {
      photos = files.filter(p -> p.toString().matches(".*\\.(png|jpg|jpeg)$")).sorted().toList();
    }
    assertThat(photos).hasSizeGreaterThanOrEqualTo(5);
    for (Path photo : photos) {
      List<Detection> found = rating.analyzePicture(decoder.decodeImage(Media.of(photo)), null);
      System.out.printf("%s: %s%n", photo.getFileName(), found);
      assertThat(found).as(photo.getFileName().toString()).allSatisfy(d -> assertThat(d.category()).isEqualTo(Category.RATING))
          .filteredOn(d -> !d.label().equals(ContentRatingAnalyzer.DRAWING)).allSatisfy(d -> assertThat(d.confidence()).isLessThan(0.93));
    }
  }

  @Test
  void thePictureIsSqueezedWholeWithItsCornersKept() {
    byte[] px = new byte[4 * 2 * 3];
    px[0] = (byte) 255; // top-left red
    px[(1 * 4 + 3) * 3 + 2] = (byte) 255; // bottom-right blue
    java.nio.FloatBuffer out = java.nio.FloatBuffer.allocate(224 * 224 * 3);
    ContentRatingAnalyzer.write(new RgbImage(4, 2, px), out);
    assertThat(out.get(0)).isEqualTo(1f);
    assertThat(out.get(224 * 224 * 3 - 1)).isEqualTo(1f);
    assertThat(out.get(224 * 224 * 3 - 3)).isEqualTo(0f);
  }
}
