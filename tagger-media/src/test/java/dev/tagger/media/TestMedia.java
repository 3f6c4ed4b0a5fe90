package dev.tagger.media;

import dev.tagger.spi.RgbImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Real media made in tests: videos from stills (encoded by FFmpeg), cut-off files, tone audio. */
public final class TestMedia {
  private TestMedia() {}

  /** One still shown for a number of seconds. */
  public record Shot(RgbImage image, double seconds) {}

  /**
   * Encodes the shots one after another into a video (MPEG-4 Part 2, {@code fps} frames a second), each
   * scaled to {@code width × height}; the container follows the file extension (.mp4, .mkv).
   */
  public static Path video(Path file, int width, int height, int fps, List<Shot> shots) throws IOException {
    return video(file, width, height, fps, fps * 2, shots);
  }

  /** As {@link #video(Path, int, int, int, List)} with a keyframe every {@code gop} frames. */
  public static Path video(Path file, int width, int height, int fps, int gop, List<Shot> shots) throws IOException {
    return video(file, width, height, fps, gop, avcodec.AV_CODEC_ID_MPEG4, 0, shots);
  }

  /**
   * As above with another codec (e.g. {@code AV_CODEC_ID_H264}, encoded by OpenH264) and, if
   * {@code bitrate} is positive, that bitrate in bits a second.
   */
  public static Path video(Path file, int width, int height, int fps, int gop, int codec, int bitrate, List<Shot> shots) throws IOException {
    return video(file, width, height, fps, gop, codec, bitrate, 0, shots);
  }

  /**
   * As above with up to {@code bFrames} B-frames in a row (MPEG-4 Part 2 only; OpenH264 makes none), as
   * camera and x264 encodes have: their decoding times then run ahead of the times their pictures show.
   */
  public static Path video(Path file, int width, int height, int fps, int gop, int codec, int bitrate, int bFrames, List<Shot> shots)
      throws IOException {
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
      rec.setVideoCodec(codec);
      rec.setFrameRate(fps);
      rec.setGopSize(gop);
      if (bFrames > 0) {
        rec.setVideoOption("bf", Integer.toString(bFrames));
      }
      if (bitrate > 0) {
        rec.setVideoBitrate(bitrate);
      } else {
        rec.setVideoQuality(4);
      }
      rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      rec.start();
      for (Shot shot : shots) {
        Frame frame = bgrFrame(scale(shot.image(), width, height));
        int n = (int) Math.round(shot.seconds() * fps);
        for (int i = 0; i < n; i++) {
          rec.record(frame, avutil.AV_PIX_FMT_BGR24);
        }
      }
      rec.stop();
    }
    return file;
  }

  /** An audio-only file (AAC in the container the extension names), a tone of the given frequency. */
  public static Path audioOnlyVideoContainer(Path file, double seconds) throws IOException {
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 1)) {
      rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      rec.setSampleRate(44100);
      rec.setAudioChannels(1);
      rec.start();
      short[] tone = tone(440, 44100, seconds);
      rec.recordSamples(44100, 1, ShortBuffer.wrap(tone));
      rec.stop();
    }
    return file;
  }

  /**
   * A video (MPEG-4 video and AAC audio in the container the extension names) showing one still for as
   * long as the soundtrack lasts, 5 frames a second.
   */
  public static Path videoWithSoundtrack(Path file, RgbImage still, int width, int height, float[] audio, int sampleRate) throws IOException {
    int fps = 5;
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), width, height, 1)) {
      rec.setFrameRate(fps);
      rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      rec.setSampleRate(sampleRate);
      rec.setAudioChannels(1);
      rec.start();
      Frame frame = bgrFrame(scale(still, width, height));
      int perFrame = sampleRate / fps;
      for (int start = 0; start < audio.length; start += perFrame) {
        rec.record(frame, avutil.AV_PIX_FMT_BGR24);
        short[] piece = new short[Math.min(perFrame, audio.length - start)];
        for (int i = 0; i < piece.length; i++) {
          piece[i] = (short) Math.round(Math.max(-1, Math.min(1, audio[start + i])) * 32767);
        }
        rec.recordSamples(sampleRate, 1, ShortBuffer.wrap(piece));
      }
      rec.stop();
    }
    return file;
  }

  /**
   * A long 16-bit mono WAV written piece by piece (so hours of audio never sit in memory): the sample
   * at each index comes from {@code sample}.
   */
  public static Path longWav(Path file, int sampleRate, long samples, java.util.function.LongToDoubleFunction sample) throws IOException {
    try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer header = ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      long dataBytes = samples * 2;
      header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
          .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
          .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
          .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
      out.write(header.array());
      byte[] two = new byte[2];
      for (long i = 0; i < samples; i++) {
        int v = (int) Math.round(Math.max(-1, Math.min(1, sample.applyAsDouble(i))) * 32767);
        two[0] = (byte) v;
        two[1] = (byte) (v >> 8);
        out.write(two);
      }
    }
    return file;
  }

  /** A WAV file (16-bit PCM) with a sine tone. */
  public static Path wav(Path file, double frequency, int sampleRate, int channels, double seconds) throws IOException {
    short[] mono = tone(frequency, sampleRate, seconds);
    ByteBuffer buf = ByteBuffer.allocate(mono.length * 2 * channels).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (short s : mono) {
      for (int c = 0; c < channels; c++) {
        buf.putShort(s);
      }
    }
    AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
    try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(buf.array()), format, mono.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }

  static short[] tone(double frequency, int sampleRate, double seconds) {
    short[] out = new short[(int) (sampleRate * seconds)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) (Math.sin(2 * Math.PI * frequency * i / sampleRate) * 12000);
    }
    return out;
  }

  /** A copy of the file cut to a fraction of its bytes, as an interrupted download leaves it. */
  public static Path truncatedCopy(Path source, Path target, double fraction) throws IOException {
    byte[] all = Files.readAllBytes(source);
    return Files.write(target, Arrays.copyOf(all, (int) (all.length * fraction)));
  }

  /** A solid-colour image. */
  public static RgbImage solid(int width, int height, int r, int g, int b) {
    byte[] px = new byte[width * height * 3];
    for (int i = 0; i < px.length; i += 3) {
      px[i] = (byte) r;
      px[i + 1] = (byte) g;
      px[i + 2] = (byte) b;
    }
    return new RgbImage(width, height, px);
  }

  /** Nearest-neighbour scaling, enough to fit a photo into a test video. */
  public static RgbImage scale(RgbImage img, int width, int height) {
    if (img.width() == width && img.height() == height) {
      return img;
    }
    byte[] out = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      int sy = y * img.height() / height;
      for (int x = 0; x < width; x++) {
        int sx = x * img.width() / width;
        System.arraycopy(img.pixels(), (sy * img.width() + sx) * 3, out, (y * width + x) * 3, 3);
      }
    }
    return new RgbImage(width, height, out);
  }

  private static Frame bgrFrame(RgbImage img) {
    Frame frame = new Frame(img.width(), img.height(), Frame.DEPTH_UBYTE, 3);
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    byte[] px = img.pixels();
    for (int y = 0; y < img.height(); y++) {
      buf.position(y * frame.imageStride);
      for (int x = 0; x < img.width(); x++) {
        int i = (y * img.width() + x) * 3;
        buf.put(px[i + 2]).put(px[i + 1]).put(px[i]);
      }
    }
    buf.rewind();
    return frame;
  }

  /** A JPEG with an EXIF APP1 segment carrying the given orientation, right after SOI. */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {
        'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at offset 8
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1, value
        0, 0, 0, 0}; // no next IFD
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int length = 2 + 6 + tiff.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
