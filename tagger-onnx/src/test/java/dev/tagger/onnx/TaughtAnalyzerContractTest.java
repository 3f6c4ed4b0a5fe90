package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.feedback.TaughtTag;
import dev.tagger.feedback.TaughtTags;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer contract for {@link TaughtAnalyzer}, with a tag taught here from crops of one sample photo
 * (a cat) against the other samples; a crop of the cat not used for teaching gets it, the horses do not.
 */
class TaughtAnalyzerContractTest extends AnalyzerContractKit {
  @TempDir
  static Path dir;

  static TaughtAnalyzer taught;

  static RgbImage photo(String name) {
    return new FfmpegMediaDecoder().decodeImage(Media.of(TestModels.sampleMedia().resolve(name)));
  }

  static RgbImage crop(RgbImage img, int x, int y, int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int r = 0; r < h; r++) {
      System.arraycopy(img.pixels(), ((y + r) * img.width() + x) * 3, px, r * w * 3, w * 3);
    }
    return new RgbImage(w, h, px);
  }

  @BeforeAll
  static void teach() {
    ImageEmbedder embedder = ImageEmbedder.imageNet(TestModels.store(), new OnnxOptions(1));
    RgbImage cat = photo("cat-chelsea.png");
    int w = cat.width() * 3 / 4;
    int h = cat.height() * 3 / 4;
    List<RgbImage> examples = List.of(crop(cat, 0, 0, w, h), crop(cat, cat.width() - w, 0, w, h), crop(cat, 0, cat.height() - h, w, h),
        TestMedia.scale(cat, cat.width() / 2, cat.height() / 2));
    List<RgbImage> others = new ArrayList<>();
    for (String n : List.of("horses.jpg", "coffee-cup.png", "eagle.jpg", "sign-parking.jpg", "street-people-cars.jpg", "printed-page.png")) {
      others.add(photo(n));
    }
    TaughtTags tags = TaughtTags.in(dir);
    tags.put(TaughtTag.fit("our cat", embedder.embed(examples), embedder.embed(others), List.of("cat-chelsea.png (4 crops)"),
        embedder.model() + "@" + embedder.version()));
    taught = new TaughtAnalyzer(embedder, TaughtTags.in(dir));
  }

  @AfterAll
  static void close() {
    taught.close();
  }

  @Override
  protected Analyzer analyzer() {
    return taught;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
  }

  @Test
  void theTaughtTagIsFoundOnTheCatAndNotOnTheHorses() {
    Tagger tagger = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(taught).build();
    TagResult cat = tagger.tag(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    TagResult horses = tagger.tag(Media.of(TestModels.sampleMedia().resolve("horses.jpg")));
    assertThat(cat.tag("our cat")).get().satisfies(t -> assertThat(t.confidence()).isGreaterThan(0.8));
    assertThat(horses.tag("our cat").map(t -> t.confidence()).orElse(0.0)).isLessThan(0.2);
  }
}
