package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Box;
import dev.tagger.Evidence;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.policy.TagPolicy;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.PcmChunkHandler;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import dev.tagger.testkit.TestModels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 12 MP JPEG is decoded at half size for the vision models; what they find is reported on the full
 * photo, where a full decode would put it.
 */
class ReducedStillTest {
  @TempDir
  Path dir;

  @Test
  void boxesFoundInAHalfSizeDecodeLieWhereTheFullDecodePutsThem() throws Exception {
    RgbImage big = TestMedia.scale(StaticShotsTest.photo("street-people-cars.jpg"), 4000, 3000);
    BufferedImage bi = new BufferedImage(big.width(), big.height(), BufferedImage.TYPE_INT_RGB);
    byte[] px = big.pixels();
    int[] rgb = ((java.awt.image.DataBufferInt) bi.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (px[3 * i] & 0xFF) << 16 | (px[3 * i + 1] & 0xFF) << 8 | (px[3 * i + 2] & 0xFF);
    }
    Path jpeg = dir.resolve("street-12mp.jpg");
    ImageIO.write(bi, "jpg", jpeg.toFile());
    FfmpegMediaDecoder ffmpeg = new FfmpegMediaDecoder();
    assertThat(ffmpeg.decodeImage(Media.of(jpeg), 1920).image().width()).isEqualTo(2000);

    try (ObjectDetector detector = ObjectDetector.yoloxNano(TestModels.store(), DetectorOptions.YOLOX_NANO)) {
      TagResult reduced = Tagger.builder().decoder(ffmpeg).analyzer(detector).policy(TagPolicy.none()).build().tag(Media.of(jpeg));
      TagResult whole = Tagger.builder().decoder(new Whole(ffmpeg)).analyzer(detector).policy(TagPolicy.none()).build().tag(Media.of(jpeg));
      List<Box> a = boxes(reduced, "person");
      List<Box> b = boxes(whole, "person");
      System.out.println("people at half size " + a.size() + ", whole " + b.size());
      assertThat(a).isNotEmpty();
      assertThat(a.size()).isBetween(b.size() - 1, b.size() + 1);
      assertThat(a).anySatisfy(x -> assertThat(x.x() + x.width()).isGreaterThan(2000)); // full-photo pixels, not half-size ones
      int matched = 0;
      for (Box x : b) {
        if (a.stream().anyMatch(y -> iou(x, y) > 0.8)) {
          matched++;
        }
      }
      assertThat(matched).as("people found whole with a box at half size too").isGreaterThanOrEqualTo(b.size() - 1);
    }
  }

  private static List<Box> boxes(TagResult r, String label) {
    return r.tag(label).map(t -> t.evidence().stream().map(Evidence::box).toList()).orElse(List.of());
  }

  private static double iou(Box a, Box b) {
    double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
    double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    return w * h / (a.width() * a.height() + b.width() * b.height() - w * h);
  }

  /** The same decoder, always decoding stills whole. */
  private record Whole(FfmpegMediaDecoder d) implements MediaDecoder {
    @Override
    public RgbImage decodeImage(Media media) {
      return d.decodeImage(media);
    }

    @Override
    public ScaledImage decodeImage(Media media, int minSide) {
      RgbImage full = d.decodeImage(media);
      return new ScaledImage(full, full.width(), full.height());
    }

    @Override
    public List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy) {
      return d.sampleFrames(media, policy);
    }

    @Override
    public Pcm decodeAudio(Media media, int sampleRate) {
      return d.decodeAudio(media, sampleRate);
    }

    @Override
    public void streamAudio(Media media, int sampleRate, int chunkSamples, PcmChunkHandler handler) {
      d.streamAudio(media, sampleRate, chunkSamples, handler);
    }
  }
}
