package dev.tagger.media;

import dev.tagger.Media;
import dev.tagger.spi.MediaDecoder.FrameHandler;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.util.Arrays;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Picks frames from an open grabber under a {@link SamplingPolicy} and hands each over as it is decoded.
 * Stops quietly at the first unreadable stretch, keeping what was read: a truncated video yields its readable
 * frames.
 */
final class VideoSampler {
  static final int HISTOGRAM_BINS = 64;
  /** Sample times at most this far ahead are reached by decoding forward instead of seeking. */
  static final double FORWARD_DECODE_LIMIT_SECONDS = 5.0;

  private VideoSampler() {}

  /** Hands the sampled frames to {@code out} in time order, until it returns false. */
  static void sample(FFmpegFrameGrabber grabber, Media media, SamplingPolicy policy, FrameHandler out) {
    Delivery delivery = new Delivery(out);
    switch (policy.mode()) {
      case INTERVAL -> byInterval(grabber, media, policy, delivery);
      case KEYFRAMES -> keyframes(grabber, media, policy, delivery);
      case SCENE_CHANGE -> sceneChanges(grabber, media, policy, delivery);
    }
  }

  /** Counts what the handler took and remembers whether it wants more. */
  private static final class Delivery {
    private final FrameHandler out;
    int count;
    double last = Double.NEGATIVE_INFINITY;
    boolean wanted = true;

    Delivery(FrameHandler out) {
      this.out = out;
    }

    void give(VideoFrame frame) {
      count++;
      last = frame.seconds();
      wanted = out.accept(frame);
    }
  }

  /**
   * Gets each sample time's frame. When the container's index has a keyframe within the policy's keyframe
   * reach (a share of the interval) from the time, it seeks to that keyframe and decodes it alone (the sample shows the
   * keyframe's time). Otherwise, far ahead (more than {@link #FORWARD_DECODE_LIMIT_SECONDS}), it seeks:
   * FFmpeg jumps to the keyframe before the time and decodes up to it; close ahead, it decodes forward from
   * where it is, skipping the colour conversion of the frames in between, and leaving out the
   * non-reference frames until a few frames before the time ({@link FrameSkipping}): within one group of
   * pictures that is cheaper than going back to its keyframe.
   */
  private static void byInterval(FFmpegFrameGrabber grabber, Media media, SamplingPolicy policy, Delivery frames) {
    double frameSeconds = 1 / Math.max(1, grabber.getFrameRate());
    double position = Double.NaN; // time of the last decoded frame
    KeyframeIndex keyframes = KeyframeIndex.of(grabber);
    FrameSkipping skipping = FrameSkipping.of(grabber);
    for (double t : sampleTimes(grabber.getLengthInTime() / 1e6, policy)) {
      if (!frames.wanted) {
        break;
      }
      Frame frame;
      try {
        double key = policy.keyframeReach() > 0 ? keyframes.nearest(t, policy.intervalSeconds() * policy.keyframeReach()) : Double.NaN;
        if (!Double.isNaN(key) && (Double.isNaN(position) || key > position + frameSeconds / 2)) {
          grabber.setTimestamp((long) Math.floor(key * 1e6)); // lands on the keyframe itself
        } else if (!Double.isNaN(position) && t > position && t - position <= FORWARD_DECODE_LIMIT_SECONDS) {
          // one read with skipping on can take a run of left-out frames and the anchors around it, and frames
          // come out later than their packets go in: skipping stops well before the time, so its frame is decoded
          double near = (4 * (skipping.reorderDelay() + 1) + 4) * frameSeconds;
          try {
            while (position + frameSeconds < t - frameSeconds / 2) {
              skipping.skipNonReference(position < t - near);
              Frame skipped = grabber.grabFrame(false, true, false, false, false);
              if (skipped == null) {
                break;
              }
              position = skipped.timestamp / 1e6;
            }
          } finally {
            skipping.skipNonReference(false);
          }
        } else {
          grabber.setTimestamp(Math.round(t * 1e6));
        }
        frame = grabber.grabImage();
      } catch (FrameGrabber.Exception e) {
        break;
      }
      if (frame == null || frame.image == null) {
        break;
      }
      double at = Math.max(0, frame.timestamp / 1e6);
      position = at;
      if (at > frames.last) {
        frames.give(new VideoFrame(at, Pixels.toRgb(frame, media)));
      }
    }
  }

  /** Decodes keyframes only, skipping the packets between them; keeps those at least the interval apart. */
  private static void keyframes(FFmpegFrameGrabber grabber, Media media, SamplingPolicy policy, Delivery frames) {
    double last = Double.NEGATIVE_INFINITY;
    while (frames.wanted && frames.count < policy.maxFrames()) {
      Frame frame = grab(grabber, true);
      if (frame == null) {
        break;
      }
      double at = Math.max(0, frame.timestamp / 1e6);
      if (frame.image != null && at - last >= policy.intervalSeconds()) {
        frames.give(new VideoFrame(at, Pixels.toRgb(frame, media)));
        last = at;
      }
    }
  }

  /** Decodes every frame and keeps the first of each shot, by luma histogram difference. */
  private static void sceneChanges(FFmpegFrameGrabber grabber, Media media, SamplingPolicy policy, Delivery frames) {
    double[] previous = null;
    double lastKept = Double.NEGATIVE_INFINITY;
    while (frames.wanted && frames.count < policy.maxFrames()) {
      Frame frame = grab(grabber, false);
      if (frame == null) {
        break;
      }
      double[] histogram = Pixels.lumaHistogram(frame, HISTOGRAM_BINS);
      double at = Math.max(0, frame.timestamp / 1e6);
      boolean cut = previous == null || distance(previous, histogram) > policy.sceneThreshold();
      if (cut && at - lastKept >= policy.intervalSeconds()) {
        frames.give(new VideoFrame(at, Pixels.toRgb(frame, media)));
        lastKept = at;
      }
      previous = histogram;
    }
  }

  private static Frame grab(FFmpegFrameGrabber grabber, boolean keyframesOnly) {
    try {
      Frame f = keyframesOnly ? grabber.grabKeyFrame() : grabber.grabImage();
      return f == null || f.image == null ? null : f;
    } catch (FrameGrabber.Exception e) {
      return null;
    }
  }

  /** Half the L1 distance of two normalised histograms: 0 same, 1 disjoint. */
  static double distance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return d / 2;
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
}
