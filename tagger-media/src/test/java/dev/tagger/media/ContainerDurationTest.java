package dev.tagger.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.Media;
import dev.tagger.media.TestMedia.Shot;
import dev.tagger.testkit.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header's duration agrees with FFmpeg's on real files, and bad files give empty, quickly. */
class ContainerDurationTest {
  private static final List<String> AGREEMENT = new ArrayList<>();

  @TempDir
  Path dir;
  final FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();

  /** Checks the header against FFmpeg (5 % or 0.15 s) and, when given, against the length encoded. */
  private void agrees(Path file, double encoded) {
    OptionalDouble ours = ContainerDuration.read(file);
    OptionalDouble ffmpeg = decoder.durationSeconds(Media.of(file));
    String line = String.format("%-24s header %s s, FFmpeg %s s, encoded %s s", file.getFileName(),
        ours.isPresent() ? String.format("%.4f", ours.getAsDouble()) : "-",
        ffmpeg.isPresent() ? String.format("%.4f", ffmpeg.getAsDouble()) : "-", Double.isNaN(encoded) ? "?" : encoded);
    System.out.println(line);
    AGREEMENT.add(line);
    assertThat(ffmpeg).as("FFmpeg reads " + file.getFileName()).isPresent();
    assertThat(ours).as("the header of " + file.getFileName()).isPresent();
    double reference = ffmpeg.getAsDouble();
    assertThat(ours.getAsDouble()).as(line).isCloseTo(reference, within(Math.max(0.15, 0.05 * reference)));
    if (!Double.isNaN(encoded)) {
      assertThat(ours.getAsDouble()).as(line).isCloseTo(encoded, within(Math.max(0.15, 0.05 * encoded)));
    }
  }

  @AfterAll
  static void report() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "container-duration-agreement.txt"), AGREEMENT);
  }

  private static List<Shot> shots(double... seconds) {
    List<Shot> out = new ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      out.add(new Shot(i % 2 == 0 ? TestMedia.solid(64, 48, 230, 20, 20) : TestMedia.solid(64, 48, 20, 20, 230), seconds[i]));
    }
    return out;
  }

  @Test
  void videoContainersAgreeWithFfmpeg() throws Exception {
    agrees(TestMedia.video(dir.resolve("three.mp4"), 64, 48, 10, shots(1.5, 1.5)), 3.0);
    agrees(TestMedia.video(dir.resolve("four.mov"), 64, 48, 25, shots(2, 2)), 4.0);
    agrees(TestMedia.video(dir.resolve("two-and-half.mkv"), 64, 48, 10, shots(2.5)), 2.5);
    agrees(TestMedia.video(dir.resolve("three.avi"), 64, 48, 10, shots(1, 2)), 3.0);
  }

  @Test
  void audioContainersAgreeWithFfmpeg() throws Exception {
    agrees(TestMedia.audioOnlyVideoContainer(dir.resolve("tone.m4a"), 2.0), 2.0);
    // FFmpegFrameRecorder's Matroska of 1.5 s of AAC states a longer duration (FFmpeg reports the same):
    // the header is checked against FFmpeg only, and what decoding gives is printed beside it.
    Path mka = TestMedia.audioOnlyVideoContainer(dir.resolve("tone.mka"), 1.5);
    agrees(mka, Double.NaN);
    String decoded = String.format("%-24s decodes to %.4f s of audio (1.5 s encoded)", "tone.mka", decoder.decodeAudio(Media.of(mka), 16_000).seconds());
    System.out.println(decoded);
    AGREEMENT.add(decoded);
    agrees(TestMedia.wav(dir.resolve("stereo.wav"), 440, 48_000, 2, 2.5), 2.5);
    agrees(TestModels.sampleMedia().resolve("audio/applause.wav"), Double.NaN);
    agrees(TestModels.sampleMedia().resolve("audio/dog-bark.ogg"), Double.NaN);
    agrees(TestModels.sampleMedia().resolve("audio/music-house-loop.ogg"), Double.NaN);
  }

  @Test
  void streamedWavUsesTheBytesTheFileHolds() throws Exception {
    Path wav = TestMedia.wav(dir.resolve("tone.wav"), 440, 22_050, 1, 2.0);
    byte[] b = Files.readAllBytes(wav);
    int data = indexOf(b, "data".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(data + 4, 0xFFFFFFFF);
    assertThat(ContainerDuration.read(Files.write(dir.resolve("streamed.wav"), b)).getAsDouble()).isCloseTo(2.0, within(0.01));
  }

  @Test
  void flacAndOpusFromFfmpegsEncoders() throws Exception { // JavaCV's FFmpeg has both encoders
    agrees(recordTone(dir.resolve("tone.flac"), avcodec.AV_CODEC_ID_FLAC, 44_100, 2.5), 2.5);
    agrees(recordTone(dir.resolve("tone.opus"), avcodec.AV_CODEC_ID_OPUS, 48_000, 3.0), 3.0);
  }

  private static Path recordTone(Path file, int codec, int rate, double seconds) throws Exception {
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 1)) {
      rec.setAudioCodec(codec);
      rec.setSampleRate(rate);
      rec.setAudioChannels(1);
      rec.start();
      rec.recordSamples(rate, 1, ShortBuffer.wrap(TestMedia.tone(440, rate, seconds)));
      rec.stop();
    }
    return file;
  }

  @Test
  void isoBoxesOfSixtyFourBitSizeAreSeekedOverNotRead() throws Exception {
    // ftyp, a 5 GiB mdat (a hole in a sparse file) given by a 64-bit largesize, then moov with a version-1 mvhd
    long mdatSize = 5L << 30;
    Path file = dir.resolve("huge.mp4");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] ftyp = box("ftyp", ascii("isom"), new byte[4], ascii("isomiso2"));
      raf.write(ftyp);
      raf.write(ByteBuffer.allocate(16).putInt(1).put(ascii("mdat")).putLong(mdatSize).array());
      raf.seek(ftyp.length + mdatSize);
      raf.write(box("moov", box("mvhd", ByteBuffer.allocate(32 + 80).put((byte) 1).position(20).putInt(600).putLong(600L * 7245).array())));
    }
    long start = System.nanoTime();
    assertThat(ContainerDuration.read(file).getAsDouble()).isCloseTo(7245.0, within(1e-9));
    assertThat((System.nanoTime() - start) / 1e6).as("milliseconds").isLessThan(500);

    byte[] v0 = ByteBuffer.allocate(100).position(12).putInt(1000).putInt(12_345).array();
    assertThat(ContainerDuration.read(Files.write(dir.resolve("v0.mp4"), concat(box("ftyp", ascii("mp42")), box("moov", box("mvhd", v0)))))
        .getAsDouble()).isCloseTo(12.345, within(1e-9));
    byte[] unknown = ByteBuffer.allocate(100).position(12).putInt(1000).putInt(-1).array();
    assertThat(ContainerDuration.read(Files.write(dir.resolve("unknown.mp4"), concat(box("ftyp", ascii("mp42")), box("moov", box("mvhd", unknown))))))
        .isEmpty();
  }

  @Test
  void matroskaWithAnUnknownSizeSegmentAndVoidBeforeInfo() throws Exception {
    byte[] ebml = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x84, 0x42, (byte) 0x82, (byte) 0x81, 'w'};
    byte[] segment = {0x18, 0x53, (byte) 0x80, 0x67, 0x01, -1, -1, -1, -1, -1, -1, -1};
    byte[] voidElement = {(byte) 0xEC, (byte) 0x83, 0, 0, 0};
    byte[] scale = {0x2A, (byte) 0xD7, (byte) 0xB1, (byte) 0x83, 0x0F, 0x42, 0x40};
    byte[] duration = concat(new byte[] {0x44, (byte) 0x89, (byte) 0x84}, ByteBuffer.allocate(4).putFloat(2500f).array());
    byte[] info = concat(new byte[] {0x15, 0x49, (byte) 0xA9, 0x66, (byte) (0x80 | scale.length + duration.length)}, scale, duration);
    byte[] cluster = {0x1F, 0x43, (byte) 0xB6, 0x75, 0x01, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0};
    assertThat(ContainerDuration.read(Files.write(dir.resolve("ok.webm"), concat(ebml, segment, voidElement, info, cluster))).getAsDouble())
        .isCloseTo(2.5, within(1e-6));
    assertThat(ContainerDuration.read(Files.write(dir.resolve("cluster-first.webm"), concat(ebml, segment, cluster, info)))).isEmpty();
  }

  @Test
  void badFilesGiveEmptyQuickly() throws Exception {
    Path mp4 = TestMedia.video(dir.resolve("whole.mp4"), 64, 48, 10, shots(3));
    assertThat(ContainerDuration.read(mp4)).isPresent();
    Random random = new Random(7);
    byte[] noise = new byte[20_000];
    random.nextBytes(noise);
    byte[] tinyBoxes = new byte[1 << 20]; // 131072 boxes of 8 bytes: the walk stops at its bound
    for (int i = 0; i < tinyBoxes.length; i += 8) {
      System.arraycopy(concat(new byte[] {0, 0, 0, 8}, ascii(i == 0 ? "ftyp" : "free")), 0, tinyBoxes, i, 8);
    }
    List<Path> bad = List.of(
        Files.write(dir.resolve("empty.mp4"), new byte[0]),
        TestModels.sampleMedia().resolve("horses.jpg"),
        Files.writeString(dir.resolve("notes.mkv"), "not a video at all\n".repeat(100)),
        TestMedia.truncatedCopy(mp4, dir.resolve("cut.mp4"), 0.5),
        Files.write(dir.resolve("tiny-boxes.mp4"), tinyBoxes),
        Files.write(dir.resolve("huge-ftyp.mp4"), concat(new byte[] {-1, -1, -1, -16}, ascii("ftyp"), noise)),
        Files.write(dir.resolve("huge-largesize.mp4"), concat(new byte[] {0, 0, 0, 1}, ascii("ftyp"), new byte[] {0x7F, -1, -1, -1, -1, -1, -1, -1}, noise)),
        Files.write(dir.resolve("negative-largesize.mp4"), concat(new byte[] {0, 0, 0, 1}, ascii("ftyp"), new byte[] {-1, 0, 0, 0, 0, 0, 0, 0}, noise)),
        Files.write(dir.resolve("huge-mvhd.mp4"), concat(box("ftyp", ascii("mp42")), new byte[] {0, 0, 0, 40}, ascii("moov"), new byte[] {-1, -1, -1, -1}, ascii("mvhd"), noise)),
        Files.write(dir.resolve("ebml-noise.mkv"), concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x01, 0x7F, -1, -1, -1, -1, -1, -1}, noise)),
        Files.write(dir.resolve("ebml-zero.mkv"), concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x80}, new byte[5000])),
        Files.write(dir.resolve("riff-huge.wav"), concat(ascii("RIFF"), new byte[] {-1, -1, -1, -1}, ascii("WAVEfmt "), new byte[] {-16, -1, -1, -1}, noise)),
        Files.write(dir.resolve("riff-huge.avi"), concat(ascii("RIFF"), new byte[] {-1, -1, -1, -1}, ascii("AVI LIST"), new byte[] {-1, -1, -1, -1}, ascii("hdrl"), noise)),
        Files.write(dir.resolve("ogg-noise.ogg"), concat(ascii("OggS"), noise)),
        Files.write(dir.resolve("flac-noise.flac"), concat(ascii("fLaC"), new byte[] {(byte) 0x80, 0, 0, 34}, new byte[34])),
        Files.write(dir.resolve("song.mp3"), concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0, 10}, noise)),
        Files.write(dir.resolve("stream.ts"), mpegTs()));
    long start = System.nanoTime();
    for (Path file : bad) {
      assertThat(ContainerDuration.read(file)).as(file.getFileName().toString()).isEmpty();
    }
    assertThat(ContainerDuration.read(dir.resolve("missing.mp4"))).isEmpty();
    assertThat((System.nanoTime() - start) / 1e6).as("milliseconds for all").isLessThan(1000);
  }

  @Test
  void mangledRealFilesNeverThrowAndStayQuick() throws Exception {
    List<Path> sources = List.of(TestMedia.video(dir.resolve("m.mp4"), 64, 48, 10, shots(2)),
        TestMedia.video(dir.resolve("m.mkv"), 64, 48, 10, shots(2)), TestMedia.video(dir.resolve("m.avi"), 64, 48, 10, shots(2)),
        TestMedia.wav(dir.resolve("m.wav"), 440, 8000, 1, 1.0), TestModels.sampleMedia().resolve("audio/dog-bark.ogg"));
    Random random = new Random(11);
    long start = System.nanoTime();
    int read = 0;
    for (Path source : sources) {
      byte[] original = Files.readAllBytes(source);
      for (int i = 0; i < 150; i++) {
        byte[] b = original.clone();
        for (int k = random.nextInt(8) + 1; k > 0; k--) {
          int at = random.nextBoolean() ? random.nextInt(Math.min(256, b.length)) : b.length - 1 - random.nextInt(Math.min(4096, b.length));
          b[at] = (byte) random.nextInt(256);
        }
        if (i % 3 == 0) {
          b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
        }
        OptionalDouble d = ContainerDuration.read(Files.write(dir.resolve("mangled"), b));
        assertThat(d.isEmpty() || Double.isFinite(d.getAsDouble()) && d.getAsDouble() > 0).isTrue();
        read++;
      }
    }
    System.out.printf("%d mangled files read in %.0f ms%n", read, (System.nanoTime() - start) / 1e6);
    assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(20);
  }

  private static byte[] mpegTs() {
    byte[] ts = new byte[188 * 20];
    for (int i = 0; i < ts.length; i += 188) {
      ts[i] = 0x47;
    }
    return ts;
  }

  private static byte[] box(String type, byte[]... content) {
    byte[] body = concat(content);
    return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), ascii(type), body);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] b, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= b.length; i++) {
      for (int k = 0; k < what.length; k++) {
        if (b[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
