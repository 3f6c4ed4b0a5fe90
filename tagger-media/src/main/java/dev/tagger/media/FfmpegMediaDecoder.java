package dev.tagger.media;

import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.MediaDecoder.AudioListener;
import dev.tagger.spi.MediaDecoder.ScaledImage;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.PcmChunkHandler;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes media with FFmpeg through JavaCV. Stills come upright (EXIF orientation applied); video frames
 * are sampled by seeking to each sample time (or keyframes only, or at shot boundaries: {@link VideoSampler});
 * audio is resampled by
 * FFmpeg to mono float PCM. Each call opens and closes its own grabber, so one instance is safe to share
 * between threads.
 */
public final class FfmpegMediaDecoder implements MediaDecoder {
  static {
    FFmpegLogCallback.setLevel(avutil.AV_LOG_FATAL);
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
  }

  private final int decodeThreads;

  /** FFmpeg picks its own number of decoding threads. */
  public FfmpegMediaDecoder() {
    this(0);
  }

  /**
   * @param decodeThreads threads FFmpeg may use to decode one video (0: its own choice); use 1 when
   *     several items are decoded at once so that decoding and inference do not oversubscribe the cores
   */
  public FfmpegMediaDecoder(int decodeThreads) {
    if (decodeThreads < 0) {
      throw new IllegalArgumentException("decodeThreads must be >= 0, got " + decodeThreads);
    }
    this.decodeThreads = decodeThreads;
  }

  @Override
  public RgbImage decodeImage(Media media) {
    return decodeImage(media, Integer.MAX_VALUE).image();
  }

  /**
   * A JPEG whose longer side is at least twice {@code minSide} is decoded at a half, a quarter or an eighth
   * of its size (FFmpeg's {@code lowres}: the inverse DCT works on fewer coefficients, and fewer pixels are
   * converted and copied), the smallest that keeps the longer side at least {@code minSide}. Other images
   * are decoded whole.
   */
  @Override
  public ScaledImage decodeImage(Media media, int minSide) {
    byte[] bytes = readAll(media);
    int reduction = 0;
    int[] size = null;
    if (JpegIntegrity.isJpeg(bytes)) {
      String problem = JpegIntegrity.problem(bytes);
      if (problem != null) {
        throw new MediaException(media.id() + ": " + problem);
      }
      size = JpegIntegrity.size(bytes);
      while (size != null && reduction < 3 && Math.max(size[0], size[1]) >> (reduction + 1) >= minSide) {
        reduction++;
      }
    }
    int orientation = ExifOrientation.read(bytes);
    RgbImage rgb = ExifOrientation.apply(decode(media, bytes, reduction), orientation);
    if (reduction == 0 || size == null) {
      return new ScaledImage(rgb, rgb.width(), rgb.height());
    }
    boolean turned = orientation >= 5 && orientation <= 8; // EXIF 5-8 turn the picture a quarter: width and height swap
    int fullWidth = Math.max(rgb.width(), turned ? size[1] : size[0]);
    int fullHeight = Math.max(rgb.height(), turned ? size[0] : size[1]);
    return new ScaledImage(rgb, fullWidth, fullHeight);
  }

  private static RgbImage decode(Media media, byte[] bytes, int reduction) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(bytes))) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      if (reduction > 0) {
        grabber.setVideoOption("lowres", Integer.toString(reduction));
      }
      start(grabber, media);
      if (!grabber.hasVideo()) {
        throw new MediaException(media.id() + ": FFmpeg found no picture in it");
      }
      Frame frame = grabber.grabImage();
      if (frame == null || frame.image == null) {
        throw new MediaException(media.id() + ": FFmpeg could not decode a picture from it (corrupt or truncated?)");
      }
      return Pixels.toRgb(frame, media);
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(media.id() + ": FFmpeg cannot decode it: " + e.getMessage(), e);
    }
  }

  @Override
  public List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy) {
    List<VideoFrame> frames = new ArrayList<>();
    streamFrames(media, policy, frames::add);
    return frames;
  }

  /** The container's duration, opened without decoding a frame; empty when FFmpeg cannot open it or names none. */
  @Override
  public java.util.OptionalDouble durationSeconds(Media media) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.path().toFile())) {
      grabber.start();
      long micros = grabber.getLengthInTime();
      return micros > 0 ? java.util.OptionalDouble.of(micros / 1e6) : java.util.OptionalDouble.empty();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      return java.util.OptionalDouble.empty();
    }
  }

  /** Streams: each sampled frame is handed over as soon as it is decoded and converted. */
  @Override
  public void streamFrames(Media media, SamplingPolicy policy, FrameHandler handler) {
    int[] count = {0};
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.path().toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      if (decodeThreads > 0) {
        grabber.setVideoOption("threads", Integer.toString(decodeThreads));
      }
      start(grabber, media);
      if (!grabber.hasVideo()) {
        throw new MediaException(media.id() + ": has no video stream" + (grabber.hasAudio() ? " (audio only)" : ""));
      }
      VideoSampler.sample(grabber, media, policy, frame -> {
        count[0]++;
        return handler.accept(frame);
      });
    } catch (FrameGrabber.Exception e) {
      if (count[0] == 0) {
        throw new MediaException(media.id() + ": FFmpeg cannot read it as video: " + e.getMessage(), e);
      }
      // closing failed after frames were read: they stand
    }
    if (count[0] == 0) {
      throw new MediaException(media.id() + ": no readable video frame (empty, truncated or corrupt video)");
    }
  }

  @Override
  public Pcm decodeAudio(Media media, int sampleRate) {
    float[][] out = {new float[sampleRate * 10]};
    int[] n = {0};
    streamAudio(media, sampleRate, sampleRate * 10, (samples, start) -> {
      if (n[0] + samples.length > out[0].length) {
        out[0] = Arrays.copyOf(out[0], Math.max(out[0].length * 2, n[0] + samples.length));
      }
      System.arraycopy(samples, 0, out[0], n[0], samples.length);
      n[0] += samples.length;
      return true;
    });
    return new Pcm(sampleRate, Arrays.copyOf(out[0], n[0]));
  }

  /** Streams: FFmpeg resamples to mono floats; pieces are cut to {@code chunkSamples} as they come. */
  @Override
  public void streamAudio(Media media, int sampleRate, int chunkSamples, PcmChunkHandler handler) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.path().toFile())) {
      grabber.setSampleRate(sampleRate);
      grabber.setAudioChannels(1);
      grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
      start(grabber, media);
      if (!grabber.hasAudio()) {
        throw new MediaException(media.id() + ": has no audio stream");
      }
      float[] piece = new float[chunkSamples];
      int filled = 0;
      long start = 0;
      for (Frame f; (f = grabSamples(grabber)) != null; ) {
        if (f.samples == null) {
          continue;
        }
        FloatBuffer fb = (FloatBuffer) f.samples[0];
        while (fb.hasRemaining()) {
          int len = Math.min(fb.remaining(), chunkSamples - filled);
          fb.get(piece, filled, len);
          filled += len;
          if (filled == chunkSamples) {
            if (!handler.accept(piece, start)) {
              return;
            }
            start += chunkSamples;
            piece = new float[chunkSamples];
            filled = 0;
          }
        }
      }
      if (filled > 0) {
        handler.accept(Arrays.copyOf(piece, filled), start);
      }
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(media.id() + ": FFmpeg cannot read its audio: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes the soundtrack once, at the highest rate asked for, and gives each listener its rate through
   * libswresample ({@link SharedSoundtrack}); one listener is streamed as above.
   */
  @Override
  public void streamAudio(Media media, List<AudioListener> listeners) {
    if (listeners.isEmpty()) {
      return;
    }
    if (listeners.size() == 1) {
      AudioListener l = listeners.get(0);
      streamAudio(media, l.sampleRate(), l.chunkSamples(), l.handler());
      return;
    }
    SharedSoundtrack shared;
    try {
      shared = new SharedSoundtrack(listeners);
    } catch (SharedSoundtrack.ResampleException e) {
      throw new MediaException(media.id() + ": " + e.getMessage(), e);
    }
    try (shared) {
      boolean[] listening = {true};
      streamAudio(media, shared.rate(), shared.rate() / 10, (samples, start) -> {
        listening[0] = shared.accept(samples);
        return listening[0];
      });
      if (listening[0]) {
        shared.finish();
      }
    } catch (SharedSoundtrack.ResampleException e) {
      throw new MediaException(media.id() + ": " + e.getMessage(), e);
    }
  }

  private static Frame grabSamples(FFmpegFrameGrabber grabber) {
    try {
      return grabber.grabSamples();
    } catch (FrameGrabber.Exception e) {
      return null; // truncated: keep the audio read so far
    }
  }

  private static void start(FFmpegFrameGrabber grabber, Media media) throws FrameGrabber.Exception {
    try {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(media.id() + ": FFmpeg cannot open it: " + e.getMessage(), e);
    }
  }

  private static byte[] readAll(Media media) {
    try {
      if (Files.size(media.path()) > Integer.MAX_VALUE - 64) {
        throw new MediaException(media.id() + ": image file is over 2 GB");
      }
      return Files.readAllBytes(media.path());
    } catch (IOException e) {
      throw new MediaException(media.id() + ": cannot read: " + e.getMessage(), e);
    }
  }


}
