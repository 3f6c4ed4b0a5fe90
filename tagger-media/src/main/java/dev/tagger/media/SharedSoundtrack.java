package dev.tagger.media;

import dev.tagger.spi.MediaDecoder.AudioListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A soundtrack decoded once, at the highest rate its listeners want, handed to each listener at its own
 * rate (resampled by FFmpeg's libswresample from the decoded rate) and cut into its own pieces. Not
 * thread-safe: one per decode.
 */
final class SharedSoundtrack implements AutoCloseable {
  private final List<Listening> listening = new ArrayList<>();
  private final int rate;

  SharedSoundtrack(List<AudioListener> listeners) {
    this.rate = listeners.stream().mapToInt(AudioListener::sampleRate).max().orElseThrow();
    try {
      for (AudioListener l : listeners) {
        listening.add(new Listening(l, l.sampleRate() == rate ? null : new Resampler(rate, l.sampleRate())));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The rate the soundtrack is decoded at. */
  int rate() {
    return rate;
  }

  /** Decoded samples at {@link #rate}; false once every listener wants no more. */
  boolean accept(float[] samples) {
    boolean anyone = false;
    for (Listening l : listening) {
      if (!l.stopped) {
        l.feed(l.resampler == null ? samples : l.resampler.convert(samples));
        anyone |= !l.stopped;
      }
    }
    return anyone;
  }

  /** The end of the soundtrack: what the resamplers still hold, and each listener's last, shorter piece. */
  void finish() {
    for (Listening l : listening) {
      if (!l.stopped && l.resampler != null) {
        l.feed(l.resampler.flush());
      }
      if (!l.stopped && l.filled > 0) {
        l.listener.handler().accept(Arrays.copyOf(l.piece, l.filled), l.start);
      }
    }
  }

  @Override
  public void close() {
    listening.stream().filter(l -> l.resampler != null).forEach(l -> l.resampler.close());
  }

  /** One listener's pieces in the making. */
  private static final class Listening {
    final AudioListener listener;
    final Resampler resampler;
    float[] piece;
    int filled;
    long start;
    boolean stopped;

    Listening(AudioListener listener, Resampler resampler) {
      this.listener = listener;
      this.resampler = resampler;
      this.piece = new float[listener.chunkSamples()];
    }

    void feed(float[] samples) {
      int offset = 0;
      while (offset < samples.length && !stopped) {
        int len = Math.min(samples.length - offset, piece.length - filled);
        System.arraycopy(samples, offset, piece, filled, len);
        filled += len;
        offset += len;
        if (filled == piece.length) {
          stopped = !listener.handler().accept(piece, start);
          start += piece.length;
          piece = new float[piece.length];
          filled = 0;
        }
      }
    }
  }

  /** libswresample failed; a listener's own exceptions (a cancel among them) are never this. */
  static final class ResampleException extends RuntimeException {
    ResampleException(String message) {
      super(message);
    }
  }

  /** Mono float samples from one rate to another through libswresample; owns its native context. */
  static final class Resampler implements AutoCloseable {
    private final SwrContext context;
    private final int inRate;
    private final int outRate;

    Resampler(int inRate, int outRate) {
      this.inRate = inRate;
      this.outRate = outRate;
      AVChannelLayout mono = new AVChannelLayout();
      avutil.av_channel_layout_default(mono, 1);
      SwrContext made = new SwrContext(null);
      int err = swresample.swr_alloc_set_opts2(made, mono, avutil.AV_SAMPLE_FMT_FLT, outRate, mono, avutil.AV_SAMPLE_FMT_FLT, inRate, 0, null);
      if (err < 0 || made.isNull() || swresample.swr_init(made) < 0) {
        if (!made.isNull()) {
          swresample.swr_free(made);
        }
        throw new ResampleException("libswresample cannot resample " + inRate + " Hz to " + outRate + " Hz (error " + err + ")");
      }
      this.context = made;
    }

    float[] convert(float[] in) {
      return run(in, in.length);
    }

    /** What the resampler still holds once the input has ended. */
    float[] flush() {
      return run(null, 0);
    }

    private float[] run(float[] in, int n) {
      int room = (int) ((long) n * outRate / inRate) + 256;
      try (FloatPointer src = n == 0 ? null : new FloatPointer(in); FloatPointer dst = new FloatPointer(room);
           PointerPointer<FloatPointer> srcs = new PointerPointer<>(1); PointerPointer<FloatPointer> dsts = new PointerPointer<>(1)) {
        dsts.put(0, dst);
        if (src != null) {
          srcs.put(0, src);
        }
        int made = swresample.swr_convert(context, dsts, room, src == null ? null : srcs, n);
        if (made < 0) {
          throw new ResampleException("libswresample failed (error " + made + ")");
        }
        float[] out = new float[made];
        dst.get(out);
        return out;
      }
    }

    @Override
    public void close() {
      swresample.swr_free(context);
    }
  }
}
