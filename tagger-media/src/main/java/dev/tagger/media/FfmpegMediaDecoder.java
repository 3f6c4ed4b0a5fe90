package dev.tagger.media;

import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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
 * are sampled by seeking to each sample time, never by decoding the whole video; audio is resampled by
 * FFmpeg to mono float PCM. Each call opens and closes its own grabber, so one instance is safe to share
 * between threads.
 */
public final class FfmpegMediaDecoder implements MediaDecoder {
  /** Stills larger than this many pixels are refused rather than risk running out of memory. */
  static final long MAX_PIXELS = 200_000_000L;

  static {
    FFmpegLogCallback.setLevel(avutil.AV_LOG_FATAL);
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
  }

  @Override
  public RgbImage decodeImage(Media media) {
    byte[] bytes = readAll(media);
    if (JpegIntegrity.isJpeg(bytes)) {
      String problem = JpegIntegrity.problem(bytes);
      if (problem != null) {
        throw new MediaException(media.id() + ": " + problem);
      }
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(bytes))) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      start(grabber, media);
      if (!grabber.hasVideo()) {
        throw new MediaException(media.id() + ": FFmpeg found no picture in it");
      }
      Frame frame = grabber.grabImage();
      if (frame == null || frame.image == null) {
        throw new MediaException(media.id() + ": FFmpeg could not decode a picture from it (corrupt or truncated?)");
      }
      RgbImage rgb = toRgb(frame, media);
      return ExifOrientation.apply(rgb, ExifOrientation.read(bytes));
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(media.id() + ": FFmpeg cannot decode it: " + e.getMessage(), e);
    }
  }

  @Override
  public List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy) {
    List<VideoFrame> frames = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.path().toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      start(grabber, media);
      if (!grabber.hasVideo()) {
        throw new MediaException(media.id() + ": has no video stream" + (grabber.hasAudio() ? " (audio only)" : ""));
      }
      double duration = grabber.getLengthInTime() / 1e6;
      for (double t : sampleTimes(duration, policy)) {
        Frame frame;
        try {
          grabber.setTimestamp(Math.round(t * 1e6));
          frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
          break; // truncated or corrupt from here on: keep what was read
        }
        if (frame == null || frame.image == null) {
          break;
        }
        double at = Math.max(0, frame.timestamp / 1e6);
        if (!frames.isEmpty() && at <= frames.get(frames.size() - 1).seconds()) {
          continue; // seeking landed on a frame already taken
        }
        frames.add(new VideoFrame(at, toRgb(frame, media)));
      }
    } catch (FrameGrabber.Exception e) {
      if (frames.isEmpty()) {
        throw new MediaException(media.id() + ": FFmpeg cannot read it as video: " + e.getMessage(), e);
      }
    }
    if (frames.isEmpty()) {
      throw new MediaException(media.id() + ": no readable video frame (empty, truncated or corrupt video)");
    }
    return frames;
  }

  /** Sample times: every interval from 0, at most maxFrames, spread evenly when the interval gives more. */
  static double[] sampleTimes(double durationSeconds, SamplingPolicy policy) {
    if (!(durationSeconds > 0)) {
      return new double[] {0};
    }
    int byInterval = (int) Math.floor(durationSeconds / policy.intervalSeconds()) + 1;
    if (byInterval <= policy.maxFrames()) {
      double[] times = new double[byInterval];
      for (int i = 0; i < byInterval; i++) {
        times[i] = i * policy.intervalSeconds();
      }
      return Arrays.stream(times).filter(t -> t < durationSeconds).toArray();
    }
    double step = durationSeconds / policy.maxFrames();
    double[] times = new double[policy.maxFrames()];
    for (int i = 0; i < times.length; i++) {
      times[i] = i * step;
    }
    return times;
  }

  @Override
  public Pcm decodeAudio(Media media, int sampleRate) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.path().toFile())) {
      grabber.setSampleRate(sampleRate);
      grabber.setAudioChannels(1);
      grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
      start(grabber, media);
      if (!grabber.hasAudio()) {
        throw new MediaException(media.id() + ": has no audio stream");
      }
      float[] out = new float[sampleRate * 10];
      int n = 0;
      for (Frame f; (f = grabSamples(grabber)) != null; ) {
        if (f.samples == null) {
          continue;
        }
        FloatBuffer fb = (FloatBuffer) f.samples[0];
        int len = fb.remaining();
        if (n + len > out.length) {
          out = Arrays.copyOf(out, Math.max(out.length * 2, n + len));
        }
        fb.get(out, n, len);
        n += len;
      }
      return new Pcm(sampleRate, Arrays.copyOf(out, n));
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(media.id() + ": FFmpeg cannot read its audio: " + e.getMessage(), e);
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

  private static RgbImage toRgb(Frame frame, Media media) {
    int w = frame.imageWidth;
    int h = frame.imageHeight;
    if (w <= 0 || h <= 0) {
      throw new MediaException(media.id() + ": decoded picture has no size");
    }
    if ((long) w * h > MAX_PIXELS) {
      throw new MediaException(media.id() + ": picture is " + w + "x" + h + ", over the limit of " + MAX_PIXELS + " pixels");
    }
    ByteBuffer buf = ((ByteBuffer) frame.image[0]).duplicate();
    int stride = frame.imageStride;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      buf.position(y * stride);
      buf.get(rgb, y * w * 3, w * 3);
    }
    return new RgbImage(w, h, rgb);
  }
}
