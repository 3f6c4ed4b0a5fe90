package dev.tagger.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.media.TestMedia.Shot;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import dev.tagger.testkit.TestModels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegMediaDecoderTest {
  final FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();

  @TempDir
  Path dir;

  /** {@code n} shots of 3 s, red and blue in turn, 96x64. */
  static List<Shot> redThenBlue(int n) {
    List<Shot> shots = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      shots.add(new Shot(i % 2 == 0 ? TestMedia.solid(96, 64, 230, 20, 20) : TestMedia.solid(96, 64, 20, 20, 230), 3));
    }
    return shots;
  }

  static int[] mean(RgbImage img, int x0, int y0, int x1, int y1) {
    long[] s = new long[3];
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = (y * img.width() + x) * 3;
        for (int c = 0; c < 3; c++) {
          s[c] += img.pixels()[i + c] & 0xFF;
        }
        n++;
      }
    }
    return new int[] {(int) (s[0] / n), (int) (s[1] / n), (int) (s[2] / n)};
  }

  @Test
  void decodesRealPhotosToTheSamePixelsAsJavaImageIo() throws Exception {
    Path png = TestModels.sampleMedia().resolve("cat-chelsea.png");
    RgbImage img = decoder.decodeImage(Media.of(png));
    BufferedImage reference = ImageIO.read(png.toFile());
    assertThat(img.width()).isEqualTo(451);
    assertThat(img.height()).isEqualTo(300);
    for (int[] p : new int[][] {{0, 0}, {200, 150}, {450, 299}}) {
      int rgb = reference.getRGB(p[0], p[1]);
      int i = (p[1] * img.width() + p[0]) * 3;
      assertThat(new int[] {img.pixels()[i] & 0xFF, img.pixels()[i + 1] & 0xFF, img.pixels()[i + 2] & 0xFF})
          .containsExactly(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }
    RgbImage jpeg = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("dog-bicycle.jpg")));
    assertThat(jpeg.width()).isEqualTo(768);
    assertThat(jpeg.height()).isEqualTo(576);
  }

  @Test
  void turnsPhotosUprightByTheirExifOrientation() throws Exception {
    BufferedImage src = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        src.setRGB(x, y, x < 20 ? 0xFF0000 : 0x0000FF);
      }
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(src, "jpg", jpeg);
    Path rotated = Files.write(dir.resolve("rotated.jpg"), TestMedia.withExifOrientation(jpeg.toByteArray(), 6));

    RgbImage img = decoder.decodeImage(Media.of(rotated));

    // Orientation 6: the camera was turned; shown upright, the stored left half (red) is on top.
    assertThat(img.width()).isEqualTo(20);
    assertThat(img.height()).isEqualTo(40);
    assertThat(mean(img, 0, 2, 20, 18)[0]).isGreaterThan(200);
    assertThat(mean(img, 0, 22, 20, 38)[2]).isGreaterThan(200);
  }

  @Test
  void aLargeJpegIsDecodedAtTheScaleAskedForAndStillTurnedUpright() throws Exception {
    // 4000x3000, the left half red: asked for a longer side of at least 1920, it comes at half size
    BufferedImage src = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = src.createGraphics();
    g.setColor(java.awt.Color.RED);
    g.fillRect(0, 0, 2000, 3000);
    g.setColor(java.awt.Color.BLUE);
    g.fillRect(2000, 0, 2000, 3000);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(src, "jpg", jpeg);
    Path flat = Files.write(dir.resolve("big.jpg"), jpeg.toByteArray());
    Path turned = Files.write(dir.resolve("big-turned.jpg"), TestMedia.withExifOrientation(jpeg.toByteArray(), 6));

    dev.tagger.spi.MediaDecoder.ScaledImage half = decoder.decodeImage(Media.of(flat), 1920);
    assertThat(half.image().width()).isEqualTo(2000);
    assertThat(half.image().height()).isEqualTo(1500);
    assertThat(half.fullWidth()).isEqualTo(4000);
    assertThat(half.fullHeight()).isEqualTo(3000);
    assertThat(mean(half.image(), 100, 100, 900, 1400)[0]).isGreaterThan(200);
    assertThat(decoder.decodeImage(Media.of(flat), 900).image().width()).isEqualTo(1000);
    assertThat(decoder.decodeImage(Media.of(flat), 10).image().width()).as("an eighth is the most").isEqualTo(500);
    assertThat(decoder.decodeImage(Media.of(flat), 4000).reduced()).isFalse();
    assertThat(decoder.decodeImage(Media.of(flat)).width()).isEqualTo(4000);

    dev.tagger.spi.MediaDecoder.ScaledImage upright = decoder.decodeImage(Media.of(turned), 1920);
    assertThat(upright.image().width()).isEqualTo(1500);
    assertThat(upright.image().height()).isEqualTo(2000);
    assertThat(upright.fullWidth()).isEqualTo(3000);
    assertThat(upright.fullHeight()).isEqualTo(4000);
    assertThat(mean(upright.image(), 100, 100, 1400, 900)[0]).as("the stored left half is on top").isGreaterThan(200);

    Path png = dir.resolve("big.png");
    ImageIO.write(src, "png", png.toFile());
    assertThat(decoder.decodeImage(Media.of(png), 1920).reduced()).as("only JPEGs decode reduced").isFalse();
  }

  @Test
  void aTruncatedJpegIsAnErrorNotAGreyPhoto() throws Exception {
    Path cut = TestMedia.truncatedCopy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), dir.resolve("cut.jpg"), 0.6);
    assertThatThrownBy(() -> decoder.decodeImage(Media.of(cut)))
        .isInstanceOf(MediaException.class)
        .hasMessage(cut + ": truncated JPEG: image data ends without an end-of-image marker (the file was cut off)");
  }

  @Test
  void textIsNotAPicture() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.jpg"), "just some words, not a photo\n".repeat(20));
    assertThatThrownBy(() -> decoder.decodeImage(Media.of(text))).isInstanceOf(MediaException.class).hasMessageStartingWith(text + ": FFmpeg");
  }

  @Test
  void samplesFramesAtTheIntervalBySeeking() throws Exception {
    Path video = TestMedia.video(dir.resolve("colours.mp4"), 160, 120, 10, List.of(
        new Shot(TestMedia.solid(160, 120, 230, 20, 20), 4),
        new Shot(TestMedia.solid(160, 120, 20, 230, 20), 4),
        new Shot(TestMedia.solid(160, 120, 20, 20, 230), 4)));

    List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), new SamplingPolicy(2, 100));

    assertThat(frames).extracting(VideoFrame::seconds).hasSize(6);
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).seconds()).isCloseTo(2.0 * i, within(0.11));
      int[] rgb = mean(frames.get(i).image(), 0, 0, 160, 120);
      int dominant = rgb[0] > 150 ? 0 : rgb[1] > 150 ? 1 : 2;
      assertThat(dominant).as("colour of frame at %s s: %s", frames.get(i).seconds(), rgb).isEqualTo(i / 2);
    }
  }

  @Test
  void longGroupsOfPicturesAreSampledAtTheRightTimesWhetherSeekingOrDecodingForward() throws Exception {
    // a keyframe every 10 s; colour changes every 3 s; samples every 1.5 s decode forward, every 6 s seek
    List<Shot> shots = redThenBlue(8);
    Path video = TestMedia.video(dir.resolve("long-gop.mp4"), 96, 64, 10, 100, shots);
    for (double interval : new double[] {1.5, 6}) {
      List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), new SamplingPolicy(interval, 100));
      assertThat(frames).hasSize((int) Math.ceil(24 / interval));
      for (int i = 0; i < frames.size(); i++) {
        double expected = i * interval;
        assertThat(frames.get(i).seconds()).isCloseTo(expected, within(0.11));
        int[] rgb = mean(frames.get(i).image(), 0, 0, 96, 64);
        boolean red = ((int) (expected / 3)) % 2 == 0;
        assertThat(red ? rgb[0] > rgb[2] : rgb[2] > rgb[0]).as("colour at %s s: %s", expected, rgb).isTrue();
      }
    }
  }

  @Test
  void aKeyframeNearASampleTimeStandsInForItAndTheSampleShowsItsOwnTime() throws Exception {
    // 10 fps, a keyframe every 3 s (0, 3, 6, 9), where the colour changes too; samples every 2 s
    List<Shot> shots = redThenBlue(4);
    for (String container : List.of("gop3.mp4", "gop3.mkv", "gop3-bframes.mp4", "gop3-bframes.mkv")) {
      int bFrames = container.contains("bframes") ? 2 : 0;
      Path video = TestMedia.video(dir.resolve(container), 96, 64, 10, 30, avcodec.AV_CODEC_ID_MPEG4, 0, bFrames, shots);
      List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), new SamplingPolicy(2, 100));
      // 0: keyframe; 2: the keyframe at 3 (within half the interval); 4: decoded forward (3 is taken);
      // 6: keyframe; 8: the keyframe at 9; 10: decoded forward
      assertThat(frames).extracting(VideoFrame::seconds).as(container).hasSize(6);
      double[] expected = {0, 3, 4, 6, 9, 10};
      for (int i = 0; i < frames.size(); i++) {
        // a keyframe shows its own time exactly; a frame decoded forward may be one frame off
        double tolerance = expected[i] % 3 == 0 ? 0.01 : 0.11;
        assertThat(frames.get(i).seconds()).as("%s sample %d", container, i).isCloseTo(expected[i], within(tolerance));
        int[] rgb = mean(frames.get(i).image(), 0, 0, 96, 64);
        boolean red = ((int) (expected[i] / 3)) % 2 == 0;
        assertThat(red ? rgb[0] > rgb[2] : rgb[2] > rgb[0]).as("%s colour at %s s: %s", container, expected[i], java.util.Arrays.toString(rgb))
            .isTrue();
      }
    }
  }

  @Test
  void framesLeftOutOnTheWayToASampleChangeNothingItShows() throws Exception {
    // 10 fps, one keyframe in 12 s, two B-frames in a row (never references in MPEG-4 Part 2), each frame a
    // little different (no cut, so the encoder keeps to P- and B-frames): samples every 2 s are decoded
    // forward, leaving the B-frames between them out
    List<Shot> shots = new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      shots.add(new Shot(TestMedia.solid(96, 64, 20 + i, 200 - i, 60 + i / 2), 0.1));
    }
    Path video = TestMedia.video(dir.resolve("bframes-long-gop.mp4"), 96, 64, 10, 120, avcodec.AV_CODEC_ID_MPEG4, 0, 2, shots);
    List<VideoFrame> sampled = decoder.sampleFrames(Media.of(video), new SamplingPolicy(2, 100));
    java.util.Map<Long, byte[]> every = new java.util.HashMap<>(); // every frame, decoded one after another
    try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(video.toFile())) {
      g.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24);
      g.start();
      for (org.bytedeco.javacv.Frame f = g.grabImage(); f != null; f = g.grabImage()) {
        every.put(Math.round(f.timestamp / 1e5), Pixels.toRgb(f, Media.of(video)).pixels());
      }
    }
    assertThat(every).hasSize(120);
    assertThat(sampled).extracting(VideoFrame::seconds).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
    for (VideoFrame s : sampled) {
      assertThat(s.image().pixels()).as("frame at %s s", s.seconds()).isEqualTo(every.get(Math.round(s.seconds() * 10)));
    }
  }

  @Test
  void withNoKeyframeReachEverySampleShowsItsOwnTime() throws Exception {
    List<Shot> shots = redThenBlue(4);
    Path video = TestMedia.video(dir.resolve("gop3-reach0.mp4"), 96, 64, 10, 30, shots);
    List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), new SamplingPolicy(2, 100).withKeyframeReach(0));
    assertThat(frames).extracting(VideoFrame::seconds).hasSize(6);
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).seconds()).as("sample %d", i).isCloseTo(2.0 * i, within(0.11));
    }
  }

  @Test
  void aContainerWithoutAnIndexIsSampledAtTheIntervalsTimes() throws Exception {
    // MPEG-TS keeps no index of keyframes: no keyframe stands in, every sample shows its own time
    List<Shot> shots = redThenBlue(4);
    Path video = TestMedia.video(dir.resolve("gop3.ts"), 96, 64, 10, 30, shots);
    List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), new SamplingPolicy(2, 100));
    assertThat(frames).isNotEmpty();
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).seconds() - frames.get(0).seconds()).as("sample %d", i).isCloseTo(2.0 * i, within(0.11));
    }
  }

  @Test
  void capsFramesBySpreadingThemOverTheVideo() throws Exception {
    Path video = TestMedia.video(dir.resolve("grey.mkv"), 64, 48, 10, List.of(new Shot(TestMedia.solid(64, 48, 128, 128, 128), 12)));
    List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), new SamplingPolicy(1, 4));
    assertThat(frames).extracting(VideoFrame::seconds).hasSize(4);
    assertThat(frames.get(3).seconds()).isCloseTo(9, within(0.11));
  }

  @Test
  void keyframesOnlyTakesTheEncodersKeyframes() throws Exception {
    // 10 fps with a keyframe every 20 frames: keyframes at 0, 2, 4, ... 10 s
    Path video = TestMedia.video(dir.resolve("gop.mp4"), 64, 48, 10, List.of(
        new Shot(TestMedia.solid(64, 48, 200, 30, 30), 6), new Shot(TestMedia.solid(64, 48, 30, 30, 200), 6)));
    List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), SamplingPolicy.keyframes(1, 100));
    assertThat(frames).extracting(VideoFrame::seconds).hasSize(6);
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).seconds()).isCloseTo(2.0 * i, within(0.11));
    }
    assertThat(decoder.sampleFrames(Media.of(video), SamplingPolicy.keyframes(3, 100))).extracting(VideoFrame::seconds).hasSize(3);
  }

  @Test
  void sceneChangeSamplingGivesOneSampleForAStaticShotAndManyForAMontage() throws Exception {
    List<Shot> shots = new java.util.ArrayList<>(List.of(new Shot(TestMedia.solid(160, 120, 90, 90, 90), 20)));
    String[] photos = {"cat-chelsea.png", "coffee-cup.png", "dog-bicycle.jpg", "eagle.jpg", "cat-chelsea.png", "coffee-cup.png"};
    for (String p : photos) {
      shots.add(new Shot(decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve(p))), 0.5));
    }
    Path video = TestMedia.video(dir.resolve("static-then-montage.mp4"), 160, 120, 10, shots);

    List<VideoFrame> frames = decoder.sampleFrames(Media.of(video), SamplingPolicy.sceneChanges(0.3, 0.2, 100));

    assertThat(frames.stream().filter(f -> f.seconds() < 20)).hasSize(1);
    assertThat(frames.stream().filter(f -> f.seconds() >= 20)).hasSize(photos.length);
  }

  @Test
  void aCutOffVideoGivesTheFramesThatCanBeReadOrAClearError() throws Exception {
    Path mkv = TestMedia.video(dir.resolve("whole.mkv"), 160, 120, 10, List.of(
        new Shot(TestMedia.solid(160, 120, 230, 20, 20), 10)));
    Path cutMkv = TestMedia.truncatedCopy(mkv, dir.resolve("cut.mkv"), 0.5);
    List<VideoFrame> frames = decoder.sampleFrames(Media.of(cutMkv), new SamplingPolicy(1, 100));
    assertThat(frames.size()).isBetween(1, 9);

    Path mp4 = TestMedia.video(dir.resolve("whole.mp4"), 160, 120, 10, List.of(new Shot(TestMedia.solid(160, 120, 20, 20, 230), 6)));
    Path cutMp4 = TestMedia.truncatedCopy(mp4, dir.resolve("cut.mp4"), 0.5);
    assertThatThrownBy(() -> decoder.sampleFrames(Media.of(cutMp4), SamplingPolicy.DEFAULT))
        .isInstanceOf(MediaException.class).hasMessageStartingWith(cutMp4 + ": ");
  }

  @Test
  void anAudioOnlyFileNamedMp4HasNoFrames() throws Exception {
    Path audio = TestMedia.audioOnlyVideoContainer(dir.resolve("song.mp4"), 3);
    assertThatThrownBy(() -> decoder.sampleFrames(Media.of(audio), SamplingPolicy.DEFAULT))
        .isInstanceOf(MediaException.class).hasMessage(audio + ": has no video stream (audio only)");
  }

  @Test
  void audioIsResampledToMonoAtTheRequestedRate() throws Exception {
    Path wav = TestMedia.wav(dir.resolve("tone.wav"), 440, 44100, 2, 2.0);
    Pcm pcm = decoder.decodeAudio(Media.of(wav), 16000);
    assertThat(pcm.sampleRate()).isEqualTo(16000);
    assertThat(pcm.seconds()).isCloseTo(2.0, within(0.05));
    int crossings = 0;
    for (int i = 1; i < pcm.samples().length; i++) {
      if ((pcm.samples()[i - 1] < 0) != (pcm.samples()[i] < 0)) {
        crossings++;
      }
    }
    assertThat(crossings / 2.0 / pcm.seconds()).isCloseTo(440, within(5.0));
  }

  @Test
  void sampleTimesFollowTheIntervalThenTheCap() {
    assertThat(VideoSampler.sampleTimes(7, new SamplingPolicy(2, 100))).containsExactly(0, 2, 4, 6);
    assertThat(VideoSampler.sampleTimes(100, new SamplingPolicy(2, 4))).containsExactly(0, 25, 50, 75);
    assertThat(VideoSampler.sampleTimes(0, SamplingPolicy.DEFAULT)).containsExactly(0);
  }
}
