package dev.tagger.bench;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.RgbImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The inputs {@link CeilingRun} measures, generated once into the temp folder: camera-like 1080p clips
 * (real photos panned slowly, with fresh sensor-like noise in every frame, so no two frames are alike),
 * 12 MP JPEGs made from the real sample photos, and three minutes of real speech with silence and noise
 * between the clips.
 */
final class CeilingInputs {
  static final int FPS = 30;
  static final double CLIP_SECONDS = 58;
  static final int WIDTH = 1920;
  static final int HEIGHT = 1080;
  /** The photos a clip pans over, half the clip each. */
  static final List<String> CLIP_PHOTOS = List.of("horses.jpg", "street-people-cars.jpg");
  static final List<String> PHOTOS = List.of("horses.jpg", "street-people-cars.jpg", "group-outdoors.jpg", "dog-bicycle.jpg",
      "eagle.jpg", "squirrel.jpg", "person-dog-horse.jpg", "sign-parking.jpg");
  /** Grey levels of the noise added to each pixel, at most. */
  static final int NOISE = 10;

  private CeilingInputs() {}

  static Path dir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "tagger-bench"));
  }

  /** A 58 s 1080p30 H.264 clip at 12 Mbit/s with a keyframe every {@code keyframeSeconds}. */
  static synchronized Path noisyClip(int keyframeSeconds) throws IOException {
    Path clip = dir().resolve("noisy-1080p30-58s-key" + keyframeSeconds + "s.mp4");
    if (Files.exists(clip)) {
      return clip;
    }
    Path tmp = clip.resolveSibling(clip.getFileName() + "." + ProcessHandle.current().pid() + ".mp4");
    byte[][] noise = noiseBank(8);
    int frames = (int) Math.round(CLIP_SECONDS * FPS);
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), WIDTH, HEIGHT, 0)) {
      rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      rec.setFrameRate(FPS);
      rec.setGopSize(keyframeSeconds * FPS);
      rec.setVideoBitrate(12_000_000);
      rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      rec.start();
      Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
      byte[] bgr = new byte[WIDTH * HEIGHT * 3];
      int perPhoto = (frames + CLIP_PHOTOS.size() - 1) / CLIP_PHOTOS.size();
      for (int p = 0; p < CLIP_PHOTOS.size(); p++) {
        // the photo a little larger than the frame; the frame's window pans across it by 1 px a frame
        RgbImage big = TestMedia.scale(BenchMedia.photo(CLIP_PHOTOS.get(p)), WIDTH + perPhoto / 4 + 1, HEIGHT + perPhoto / 8 + 1);
        for (int f = 0; f < perPhoto && p * perPhoto + f < frames; f++) {
          window(big, f / 4, f / 8, noise[f % noise.length], (f * 7919) % (WIDTH * 3), bgr);
          ((ByteBuffer) frame.image[0]).position(0);
          ((ByteBuffer) frame.image[0]).put(bgr);
          rec.record(frame, avutil.AV_PIX_FMT_BGR24);
        }
      }
      rec.stop();
    }
    Files.move(tmp, clip);
    return clip;
  }

  /**
   * The same clip as a camera writes it (H.264 High profile, CABAC, up to 3 B-frames; x264 at 12 Mbit/s with
   * a keyframe every {@code keyframeSeconds}), made from {@link #noisyClip} by the {@code ffmpeg} program;
   * empty when there is no {@code ffmpeg} with libx264 on the PATH (JavaCV's FFmpeg has no x264 encoder).
   */
  static synchronized java.util.Optional<Path> cameraClip(int keyframeSeconds) throws IOException, InterruptedException {
    Path clip = dir().resolve("noisy-1080p30-58s-key" + keyframeSeconds + "s-x264.mp4");
    if (Files.exists(clip)) {
      return java.util.Optional.of(clip);
    }
    if (!hasX264()) {
      return java.util.Optional.empty();
    }
    Path source = noisyClip(keyframeSeconds);
    Path tmp = clip.resolveSibling(clip.getFileName() + "." + ProcessHandle.current().pid() + ".mp4");
    String gop = Integer.toString(keyframeSeconds * FPS);
    Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", source.toString(), "-an", "-c:v", "libx264", "-preset", "fast",
        "-profile:v", "high", "-bf", "3", "-b:v", "12M", "-maxrate", "12M", "-bufsize", "24M", "-g", gop, "-keyint_min", gop,
        "-sc_threshold", "0", "-pix_fmt", "yuv420p", tmp.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      Files.deleteIfExists(tmp);
      throw new IOException("ffmpeg could not make " + clip + " (exit " + p.exitValue() + ")");
    }
    Files.move(tmp, clip);
    return java.util.Optional.of(clip);
  }

  private static boolean hasX264() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-encoders").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return p.waitFor() == 0 && out.contains("libx264");
    } catch (IOException e) {
      return false; // no ffmpeg program
    }
  }

  private static byte[][] noiseBank(int n) {
    SplittableRandom random = new SplittableRandom(42);
    byte[][] bank = new byte[n][WIDTH * HEIGHT * 3 + WIDTH * 3];
    for (byte[] b : bank) {
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (random.nextInt(2 * NOISE + 1) - NOISE);
      }
    }
    return bank;
  }

  /** The frame-sized window of {@code big} at (x, y), plus noise, as BGR. */
  private static void window(RgbImage big, int x, int y, byte[] noise, int noiseOffset, byte[] bgr) {
    byte[] src = big.pixels();
    int i = 0;
    for (int row = 0; row < HEIGHT; row++) {
      int s = ((y + row) * big.width() + x) * 3;
      for (int col = 0; col < WIDTH; col++, s += 3, i += 3) {
        bgr[i] = clamp((src[s + 2] & 0xFF) + noise[noiseOffset + i]);
        bgr[i + 1] = clamp((src[s + 1] & 0xFF) + noise[noiseOffset + i + 1]);
        bgr[i + 2] = clamp((src[s] & 0xFF) + noise[noiseOffset + i + 2]);
      }
    }
  }

  private static byte clamp(int v) {
    return (byte) Math.max(0, Math.min(255, v));
  }

  /** The sample photos at 4000x3000 as JPEGs (quality 0.9), as a 12 MP phone makes them. */
  static List<Path> photos12mp() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String name : PHOTOS) {
      out.add(PhotoRateBenchmark.jpeg12mp(name));
    }
    return out;
  }

  /**
   * About three minutes of 16 kHz speech: the sample voice clips (ALSA's speaker-test recordings), each
   * followed by 4 s of silence and then 4 s of the sample noise, over and over.
   */
  static Path speech() throws IOException {
    Path wav = dir().resolve("speech-silence-noise-3min.wav");
    if (Files.exists(wav)) {
      return wav;
    }
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder(1);
    List<float[]> voices = new ArrayList<>();
    for (String name : List.of("Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right", "Side_Left",
        "Side_Right")) {
      voices.add(decoder.decodeAudio(Media.of(BenchMedia.samples().resolve("audio/" + name + ".wav")), 16_000).samples());
    }
    float[] noise = decoder.decodeAudio(Media.of(BenchMedia.samples().resolve("audio/Noise.wav")), 16_000).samples();
    List<Float> all = new ArrayList<>();
    for (int round = 0; all.size() < 180 * 16_000; round++) {
      float[] v = voices.get(round % voices.size());
      for (float s : v) {
        all.add(s);
      }
      for (int i = 0; i < 4 * 16_000; i++) {
        all.add(0f);
      }
      for (int i = 0; i < 4 * 16_000; i++) {
        all.add(noise[i % noise.length] * 0.5f);
      }
    }
    Path tmp = wav.resolveSibling(wav.getFileName() + "." + ProcessHandle.current().pid());
    TestMedia.longWav(tmp, 16_000, all.size(), i -> all.get((int) i));
    Files.move(tmp, wav);
    return wav;
  }

  static double seconds(Pcm pcm) {
    return pcm.samples().length / (double) pcm.sampleRate();
  }
}
