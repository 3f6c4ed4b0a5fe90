package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.TaggerException;
import dev.tagger.feedback.TaughtTag;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.ImageEmbedder;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import dev.tagger.store.FileResultStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Teaches one tag from example items against pictures drawn from a library: what {@code tagger teach} and
 * Stash's {@code AI_teach} share.
 */
final class Teacher {
  /** Library pictures drawn as negatives, at most. */
  static final int LIBRARY_NEGATIVES = 60;

  private final ImageEmbedder embedder;
  private final @Nullable FileResultStore results;
  private final FfmpegMediaDecoder decoder = new FfmpegMediaDecoder(1);
  private int reused;

  /** @param results where vectors of items tagged before are read instead of decoding the items again; may be null */
  Teacher(ImageEmbedder embedder, @Nullable FileResultStore results) {
    this.embedder = embedder;
    this.results = results;
  }

  /** How many pictures' vectors came from the result store instead of being decoded. */
  int reused() {
    return reused;
  }

  /**
   * @param negatives pictures known not to show it
   * @param library pictures to draw more of those from (the examples among them are left out)
   */
  TaughtTag teach(String tag, List<Media> examples, List<Media> negatives, List<Media> library) {
    Set<Path> used = new HashSet<>();
    examples.forEach(m -> used.add(m.path().toAbsolutePath().normalize()));
    List<Media> without = new ArrayList<>(negatives);
    List<Media> candidates = library.stream().filter(m -> !used.contains(m.path().toAbsolutePath().normalize()))
        .filter(m -> m.kind() == MediaKind.IMAGE).toList();
    int step = Math.max(1, candidates.size() / LIBRARY_NEGATIVES);
    for (int i = 0; i < candidates.size() && without.size() < negatives.size() + LIBRARY_NEGATIVES; i += step) {
      without.add(candidates.get(i));
    }
    if (without.isEmpty()) {
      throw new IllegalArgumentException("no pictures without '" + tag + "' to learn from");
    }
    return TaughtTag.fit(tag, vectors(examples), vectors(without), examples.stream().map(Media::id).toList(),
        embedder.model() + "@" + embedder.version());
  }

  /** Each item's vector: kept from an earlier tag run when there is one, else made now (a video: its frames' mean). */
  List<float[]> vectors(List<Media> items) {
    String model = embedder.model() + "@" + embedder.version();
    List<float[]> out = new ArrayList<>();
    for (Media m : items) {
      java.util.Optional<float[]> kept = results == null ? java.util.Optional.empty() : results.embedding(m.sha256(), model);
      if (kept.isPresent()) {
        out.add(kept.get());
        reused++;
      } else {
        List<float[]> frames = embedder.embed(pictures(List.of(m)));
        out.add(frames.size() == 1 ? frames.get(0) : dev.tagger.spi.Embedding.mean(frames));
      }
    }
    return out;
  }

  /** A still's picture, or a video's frames (one every 2 s, at most 20). */
  List<RgbImage> pictures(List<Media> items) {
    List<RgbImage> out = new ArrayList<>();
    for (Media m : items) {
      MediaKind kind = m.kind();
      if (kind == MediaKind.IMAGE) {
        out.add(decoder.decodeImage(m));
      } else if (kind == MediaKind.VIDEO) {
        decoder.sampleFrames(m, new SamplingPolicy(2.0, 20)).stream().map(VideoFrame::image).forEach(out::add);
      } else {
        throw new TaggerException(m.id() + ": not a photo or a video; only pictures can teach a tag");
      }
    }
    return out;
  }
}
