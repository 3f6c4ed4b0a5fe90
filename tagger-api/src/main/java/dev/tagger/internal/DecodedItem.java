package dev.tagger.internal;

import dev.tagger.Box;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.Point;
import dev.tagger.TextItem;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.FaceSample;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One item's decoded content, decoded on first request and then shared by every analyzer of the item;
 * a decode failure is remembered too, so it is not retried per analyzer. Thread-safe.
 */
public final class DecodedItem implements AnalysisInput {
  private final Media media;
  private final MediaKind kind;
  private final @Nullable MediaDecoder decoder;
  private final SamplingPolicy sampling;
  private final BooleanSupplier cancelled;
  private final List<TextItem> texts = new ArrayList<>();
  private @Nullable RgbImage image;
  private @Nullable RgbImage fullImage;
  private double scaleX = 1;
  private double scaleY = 1;
  private @Nullable List<VideoFrame> frames;
  private final List<Double> streamedTimes = new ArrayList<>();
  private final Map<Integer, Pcm> audio = new HashMap<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();

  private final ItemTimings timings = new ItemTimings();

  /** Where this item's analysis has spent its time so far. */
  ItemTimings timings() {
    return timings;
  }

  public DecodedItem(Media media, MediaKind kind, @Nullable MediaDecoder decoder, SamplingPolicy sampling, BooleanSupplier cancelled) {
    this.media = media;
    this.kind = kind;
    this.decoder = decoder;
    this.sampling = sampling;
    this.cancelled = cancelled;
  }

  @Override
  public Media media() {
    return media;
  }

  @Override
  public MediaKind kind() {
    return kind;
  }

  @Override
  public synchronized RgbImage image() {
    if (image == null) {
      expect(MediaKind.IMAGE, "a still image");
      MediaDecoder.ScaledImage scaled = decode("image", () -> decoder().decodeImage(media, STILL_MIN_SIDE));
      image = scaled.image();
      scaleX = scaled.fullWidth() / (double) image.width();
      scaleY = scaled.fullHeight() / (double) image.height();
      if (!scaled.reduced()) {
        fullImage = image;
      }
    }
    return image;
  }

  @Override
  public synchronized RgbImage fullImage() {
    image();
    if (fullImage == null) {
      fullImage = decode("full image", () -> decoder().decodeImage(media));
    }
    return fullImage;
  }

  /**
   * An analyzer's output with its boxes and points moved from the decoded still's pixels to the full
   * picture's; unchanged when the still was decoded whole (and for video, whose frames are whole).
   */
  public synchronized AnalyzerOutput toFullScale(AnalyzerOutput out) {
    if (image == null || (scaleX == 1 && scaleY == 1)) {
      return out;
    }
    List<Detection> detections = out.detections().stream().map(d -> new Detection(d.label(), d.confidence(), d.category(),
        new Evidence(d.evidence().span(), scaled(d.evidence().box()), d.evidence().text(),
            d.evidence().points().stream().map(p -> new Point(p.x() * scaleX, p.y() * scaleY)).toList()))).toList();
    List<FaceSample> faces = out.faces().stream().map(f -> new FaceSample(f.vector(), scaled(f.box()), f.seconds(), f.score())).toList();
    return new AnalyzerOutput(detections, out.texts(), out.partial(), out.embedding(), faces, out.unavailable(), out.usage());
  }

  private @Nullable Box scaled(@Nullable Box b) {
    return b == null ? null : new Box(b.x() * scaleX, b.y() * scaleY, b.width() * scaleX, b.height() * scaleY);
  }

  @Override
  public SamplingPolicy sampling() {
    return sampling;
  }

  @Override
  public synchronized List<VideoFrame> frames() {
    if (frames == null) {
      expect(MediaKind.VIDEO, "video frames");
      frames = List.copyOf(decode("frames", () -> decoder().sampleFrames(media, sampling)));
    }
    return frames;
  }

  /**
   * Decodes the sampled frames afresh and hands them over one at a time ({@link FrameStream}); a failure
   * is remembered for {@link #frames()} too.
   */
  void streamFrames(MediaDecoder.FrameHandler handler) {
    expect(MediaKind.VIDEO, "video frames");
    RuntimeException failed;
    synchronized (this) {
      failed = failures.get("frames");
    }
    if (failed != null) {
      throw failed;
    }
    checkCancelled();
    try {
      timings.time(ItemTimings.DECODE, () -> {
        decoder().streamFrames(media, sampling, frame -> {
          checkCancelled();
          return timings.untimed(() -> handler.accept(frame)); // waiting for the analyzers is not decoding
        });
        return null;
      });
    } catch (MediaException e) {
      synchronized (this) {
        failures.put("frames", e);
      }
      throw e;
    }
  }

  /** Records that a streamed frame of this time was shown to the frame analyzers. */
  synchronized void frameShown(double seconds) {
    streamedTimes.add(seconds);
  }

  /** Times of the sampled frames, or empty when no analyzer asked for frames. */
  public synchronized List<Double> frameTimes() {
    return frames != null ? frames.stream().map(VideoFrame::seconds).toList() : List.copyOf(streamedTimes);
  }

  @Override
  public synchronized Pcm audio(int sampleRate) {
    Pcm pcm = audio.get(sampleRate);
    if (pcm == null) {
      if (kind != MediaKind.AUDIO && kind != MediaKind.VIDEO) {
        throw new MediaException(media.id() + ": has no audio (it is " + kind.name().toLowerCase(java.util.Locale.ROOT) + ")");
      }
      pcm = decode("audio@" + sampleRate, () -> decoder().decodeAudio(media, sampleRate));
      audio.put(sampleRate, pcm);
    }
    return pcm;
  }

  @Override
  public void streamAudio(int sampleRate, int chunkSamples, dev.tagger.spi.PcmChunkHandler handler) {
    if (chunkSamples < 1) {
      throw new IllegalArgumentException("chunkSamples must be >= 1, got " + chunkSamples);
    }
    streamAudio(List.of(new MediaDecoder.AudioListener(sampleRate, chunkSamples, handler)));
  }

  /**
   * The soundtrack decoded once for one or several listeners ({@link MediaDecoder#streamAudio(Media, List)});
   * a decode failure is remembered for the same rates, and not decoded again.
   */
  void streamAudio(List<MediaDecoder.AudioListener> listeners) {
    if (kind != MediaKind.AUDIO && kind != MediaKind.VIDEO) {
      throw new MediaException(media.id() + ": has no audio (it is " + kind.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    String key = "audio-stream@" + listeners.stream().map(l -> String.valueOf(l.sampleRate())).collect(java.util.stream.Collectors.joining("+"));
    RuntimeException failed;
    synchronized (this) {
      failed = failures.get(key);
    }
    if (failed != null) {
      throw failed;
    }
    checkCancelled();
    // an analyzer that streams the soundtrack itself hears it on its own time, not on decoding's
    String caller = timings.current();
    List<MediaDecoder.AudioListener> checked = listeners.stream()
        .map(l -> new MediaDecoder.AudioListener(l.sampleRate(), l.chunkSamples(), (samples, start) -> {
          checkCancelled();
          return caller == null ? l.handler().accept(samples, start) : timings.time(caller, () -> l.handler().accept(samples, start));
        }))
        .toList();
    try {
      timings.time(ItemTimings.DECODE, () -> {
        decoder().streamAudio(media, checked); // the listeners' time counts as theirs
        return null;
      });
    } catch (MediaException e) {
      synchronized (this) {
        failures.put(key, e);
      }
      throw e;
    }
  }

  @Override
  public synchronized List<TextItem> texts() {
    return List.copyOf(texts);
  }

  public synchronized void addTexts(List<TextItem> more) {
    texts.addAll(more);
  }

  @Override
  public void checkCancelled() {
    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException(media.id() + ": cancelled");
    }
  }

  private void expect(MediaKind wanted, String what) {
    if (kind != wanted) {
      throw new MediaException(media.id() + ": an analyzer asked for " + what + " but the item is " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private MediaDecoder decoder() {
    if (decoder == null) {
      throw new IllegalStateException("no MediaDecoder configured; add one with Tagger.builder().decoder(...)");
    }
    return decoder;
  }

  /** Decodes once; a failure is remembered and rethrown to the next analyzer that asks. */
  private <T> T decode(String what, java.util.function.Supplier<T> step) {
    RuntimeException failed = failures.get(what);
    if (failed != null) {
      throw failed;
    }
    checkCancelled();
    try {
      return timings.time(ItemTimings.DECODE, step);
    } catch (RuntimeException e) {
      failures.put(what, e);
      throw e;
    }
  }
}
