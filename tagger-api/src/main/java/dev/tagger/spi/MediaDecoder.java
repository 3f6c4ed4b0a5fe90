package dev.tagger.spi;

import dev.tagger.Media;
import java.util.List;

/**
 * Turns media into pixels and samples. The engine calls it at most once per item and content type and
 * hands the result to every analyzer, so an item is decoded once however many analyzers run.
 *
 * <p>Implementations must be thread-safe and throw {@link dev.tagger.MediaException} naming the item
 * and the cause when it cannot be decoded.
 */
public interface MediaDecoder {
  /** The still image, upright. */
  RgbImage decodeImage(Media media);

  /**
   * How long a video or audio item plays, read from its container's header (cheap: nothing is decoded); empty when
   * the decoder cannot tell or the item has no length. For planning work, such as balancing a cluster's partitions.
   */
  default java.util.OptionalDouble durationSeconds(Media media) {
    return java.util.OptionalDouble.empty();
  }

  /**
   * The still image, upright, decoded at a reduced scale where that is cheap (a JPEG's DCT scaling) while
   * its longer side stays at least {@code minSide}, with the size of the full picture. The default decodes
   * it whole.
   */
  default ScaledImage decodeImage(Media media, int minSide) {
    RgbImage full = decodeImage(media);
    return new ScaledImage(full, full.width(), full.height());
  }

  /** A still as decoded, perhaps at a reduced scale, and the upright size of the full picture. */
  record ScaledImage(RgbImage image, int fullWidth, int fullHeight) {
    public ScaledImage {
      if (fullWidth < image.width() || fullHeight < image.height()) {
        throw new IllegalArgumentException("the full picture (" + fullWidth + "x" + fullHeight + ") is smaller than the decoded one ("
            + image.width() + "x" + image.height() + ")");
      }
    }

    /** Whether the image is smaller than the full picture. */
    public boolean reduced() {
      return fullWidth > image.width() || fullHeight > image.height();
    }
  }

  /**
   * Frames sampled under the policy, in time order. A truncated video yields the frames that could be
   * read; a file with no readable video frame at all is an error.
   */
  List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy);

  /**
   * The frames {@link #sampleFrames} gives, handed over one at a time as they are decoded, so that a long
   * video never sits in memory whole; stops early, without error, when the handler returns false. The same
   * errors as {@code sampleFrames}. This default samples the whole list first; decoders that can should stream.
   */
  default void streamFrames(Media media, SamplingPolicy policy, FrameHandler handler) {
    for (VideoFrame frame : sampleFrames(media, policy)) {
      if (!handler.accept(frame)) {
        return;
      }
    }
  }

  /** Receives a video's sampled frames in time order (see {@link #streamFrames}). */
  @FunctionalInterface
  interface FrameHandler {
    /** @return false to stop: no more frames are wanted */
    boolean accept(VideoFrame frame);
  }

  /** The whole audio track as mono PCM at the requested rate. */
  Pcm decodeAudio(Media media, int sampleRate);

  /**
   * The audio track as mono PCM at the requested rate, in pieces of at most {@code chunkSamples}, until
   * the track ends or the handler returns false. This default decodes the whole track first; decoders
   * that can should stream, so memory stays flat for long recordings.
   */
  default void streamAudio(Media media, int sampleRate, int chunkSamples, PcmChunkHandler handler) {
    float[] all = decodeAudio(media, sampleRate).samples();
    for (int start = 0; start < all.length; start += chunkSamples) {
      if (!handler.accept(java.util.Arrays.copyOfRange(all, start, Math.min(all.length, start + chunkSamples)), start)) {
        return;
      }
    }
  }

  /** One of several hearing a soundtrack: its rate, the length of its pieces, and where they go. */
  record AudioListener(int sampleRate, int chunkSamples, PcmChunkHandler handler) {
    public AudioListener {
      if (sampleRate < 1 || chunkSamples < 1) {
        throw new IllegalArgumentException("sample rate and piece length must be >= 1, got " + sampleRate + " and " + chunkSamples);
      }
    }
  }

  /**
   * The audio track for several listeners, each at its own rate and in its own pieces, in order, as
   * {@link #streamAudio(Media, int, int, PcmChunkHandler)} gives them; a listener whose handler returns
   * false gets no more, and the others go on. This default streams the track once per listener; decoders
   * that can should decode it once for all.
   */
  default void streamAudio(Media media, java.util.List<AudioListener> listeners) {
    for (AudioListener l : listeners) {
      streamAudio(media, l.sampleRate(), l.chunkSamples(), l.handler());
    }
  }
}
