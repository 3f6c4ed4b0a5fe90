package dev.tagger.spi;

import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import java.util.List;

/**
 * What an analyzer gets for one item: decoded content, produced on first request and shared with the
 * other analyzers of the item, and the texts found so far. Valid only during {@link Analyzer#analyze}.
 */
public interface AnalysisInput {
  Media media();

  MediaKind kind();

  /**
   * The still image of an {@link MediaKind#IMAGE} item, at the scale the vision models need: a large JPEG
   * may come at a half or a quarter of its size (its longer side at least {@value #STILL_MIN_SIDE}).
   * Analyzers give boxes and points in this image's pixels; the engine maps them to the full picture.
   */
  RgbImage image();

  /** The longer side a still keeps at least when it is decoded at a reduced scale. */
  int STILL_MIN_SIDE = 1920;

  /**
   * The still at full resolution, for reading fine detail (OCR reads the regions it found at this scale);
   * decoded on first request. The same as {@link #image()} when that is not reduced.
   */
  default RgbImage fullImage() {
    return image();
  }

  /** How the item's video frames are sampled, and the savings that apply to them. */
  default SamplingPolicy sampling() {
    return SamplingPolicy.DEFAULT;
  }

  /** The sampled frames of a {@link MediaKind#VIDEO} item. */
  List<VideoFrame> frames();

  /**
   * The item's pictures for a vision analyzer: the still of an image item, or the sampled frames of a
   * video item, each with the instant it shows.
   */
  default List<Picture> pictures() {
    if (kind() == MediaKind.IMAGE) {
      return List.of(new Picture(image(), null));
    }
    return frames().stream().map(f -> new Picture(f.image(), TimeSpan.at(f.seconds()))).toList();
  }

  /** The audio of an audio or video item at the given rate, whole (shared with the item's other analyzers). */
  Pcm audio(int sampleRate);

  /**
   * The audio of an audio or video item at the given rate, decoded afresh and handed over in order in
   * pieces of at most {@code chunkSamples} samples, so a two-hour recording never sits in memory whole.
   * Stops with {@link java.util.concurrent.CancellationException} when the item is cancelled, and early,
   * without error, when the handler returns false.
   */
  void streamAudio(int sampleRate, int chunkSamples, PcmChunkHandler handler);

  /**
   * Texts of the item: its name, title and description, and for text analyzers also what media
   * analyzers read or heard in it.
   */
  List<TextItem> texts();

  /** Throws {@link java.util.concurrent.CancellationException} when the item was cancelled or timed out. */
  void checkCancelled();
}
