package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features read from the classifier's own file: a photo and a smaller copy of it lie close, unrelated photos farther apart. */
class ImageEmbedderTest {
  static RgbImage photo(String name) {
    return new FfmpegMediaDecoder().decodeImage(Media.of(TestModels.sampleMedia().resolve(name)));
  }

  static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * (double) b[i];
    }
    return s;
  }

  @Test
  void aPhotoAndItsSmallerCopyAreCloserThanTwoDifferentPhotos() {
    try (ImageEmbedder embedder = ImageEmbedder.imageNet(TestModels.store(), new OnnxOptions(1))) {
      RgbImage cat = photo("cat-chelsea.png");
      List<float[]> v = embedder.embed(List.of(cat, TestMedia.scale(cat, cat.width() / 2, cat.height() / 2), photo("horses.jpg"),
          photo("coffee-cup.png")));
      assertThat(v).allSatisfy(x -> assertThat(x).hasSize(ImageEmbedder.DIMENSIONS));
      assertThat(cosine(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(0.9);
      assertThat(cosine(v.get(0), v.get(2))).isLessThan(cosine(v.get(0), v.get(1)) - 0.2);
      assertThat(cosine(v.get(2), v.get(3))).isLessThan(0.8);
    }
  }
}
