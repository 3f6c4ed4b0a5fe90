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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Teaches one tag from example items against pictures drawn from a library: what {@code tagger teach} and
 * Stash's {@code AI_teach} share.
 */
final class Teacher {
  /** Library pictures drawn as negatives, at most. */
  static final int LIBRARY_NEGATIVES = 60;

  private final ImageEmbedder embedder;
  private final FfmpegMediaDecoder decoder = new FfmpegMediaDecoder(1);

  Teacher(ImageEmbedder embedder) {
    this.embedder = embedder;
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
    return TaughtTag.fit(tag, embedder.embed(pictures(examples)), embedder.embed(pictures(without)),
        examples.stream().map(Media::id).toList(), embedder.model() + "@" + embedder.version());
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
