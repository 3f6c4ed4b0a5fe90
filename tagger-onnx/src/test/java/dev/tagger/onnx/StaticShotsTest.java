package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Detection;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TimeSpan;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.policy.TagPolicy;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frame that shows what the last frame looked at showed is not looked at again: in a video of two static
 * shots the detector looks at one frame a shot and its tags still span each shot; camera noise does not
 * make two frames different, a thing moving over a twentieth of the frame does.
 */
class StaticShotsTest {
  @TempDir
  Path dir;

  static RgbImage photo(String name) {
    return new FfmpegMediaDecoder().decodeImage(Media.of(TestModels.sampleMedia().resolve(name)));
  }

  @Test
  void noiseIsTheSameFrameAndAThingMovingIsNot() {
    RgbImage cat = TestMedia.scale(photo("cat-chelsea.png"), 320, 240);
    byte[] noisy = cat.pixels().clone();
    Random r = new Random(2);
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = (byte) Math.max(0, Math.min(255, (noisy[i] & 0xFF) + r.nextInt(13) - 6));
    }
    byte[] moved = cat.pixels().clone();
    for (int y = 100; y < 170; y++) { // a dark square, a twentieth of the frame
      for (int x = 10; x < 65; x++) {
        int i = (y * 320 + x) * 3;
        moved[i] = moved[i + 1] = moved[i + 2] = 0;
      }
    }
    assertThat(StaticShots.same(cat, new RgbImage(320, 240, noisy), SamplingPolicy.DEFAULT_STATIC_DIFFERENCE)).isTrue();
    assertThat(StaticShots.same(cat, new RgbImage(320, 240, moved), SamplingPolicy.DEFAULT_STATIC_DIFFERENCE)).isFalse();
    assertThat(StaticShots.same(cat, TestMedia.scale(photo("coffee-cup.png"), 320, 240), SamplingPolicy.DEFAULT_STATIC_DIFFERENCE)).isFalse();
  }

  @Test
  void aStaticShotIsLookedAtOnceAndItsTagsSpanTheShot() throws Exception {
    Path video = TestMedia.video(dir.resolve("two-shots.mkv"), 640, 480, 5,
        List.of(new TestMedia.Shot(photo("dog-bicycle.jpg"), 6), new TestMedia.Shot(photo("horses.jpg"), 6)));
    AtomicInteger looked = new AtomicInteger();
    try (ObjectDetector detector = ObjectDetector.yoloxNano(TestModels.store(), DetectorOptions.YOLOX_NANO.withOnnx(new OnnxOptions(2)))) {
      PictureAnalyzer counted = new PictureAnalyzer() {
        @Override
        public AnalyzerInfo info() {
          return detector.info();
        }

        @Override
        public List<Detection> analyzePicture(RgbImage image, @Nullable TimeSpan span) {
          looked.incrementAndGet();
          return detector.analyzePicture(image, span);
        }
      };
      TagResult r = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(counted).policy(TagPolicy.none())
          .sampling(new SamplingPolicy(2, 100)).build().tag(Media.of(video));

      assertThat(looked.get()).as("frames looked at, of 6 sampled").isEqualTo(2);
      looked.set(0);
      Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(counted).policy(TagPolicy.none())
          .sampling(new SamplingPolicy(2, 100).withStaticDifference(0)).build().tag(Media.of(video));
      assertThat(looked.get()).as("with the saving off, every sample is looked at").isEqualTo(6);
      assertThat(r.tag("dog")).get().satisfies(t -> assertThat(t.segments()).singleElement().satisfies(s -> {
        assertThat(s.startSeconds()).isLessThan(0.5);
        assertThat(s.endSeconds()).isGreaterThan(4); // the shot's three samples, from one look
      }));
      assertThat(r.tag("horse")).get().satisfies(t -> assertThat(t.segments().get(0).startSeconds()).isBetween(5.0, 7.0));
    }
  }
}
