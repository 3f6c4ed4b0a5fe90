package dev.tagger.bench;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.model.ModelStore;
import dev.tagger.spi.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Inputs the benchmarks share: the sample photos, the model store, and a 60 s 1080p clip. */
public final class BenchMedia {
  private BenchMedia() {}

  public static Path samples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples/media"))) {
        return p.resolve("samples/media");
      }
    }
    throw new IllegalStateException("run the benchmarks from the repository (samples/media not found)");
  }

  public static ModelStore store() {
    return ModelStore.fromEnvironment();
  }

  public static RgbImage photo(String name) {
    return new FfmpegMediaDecoder().decodeImage(Media.of(samples().resolve(name)));
  }

  /**
   * A 60 s 1920x1080 clip at 25 fps (H.264 by OpenH264 at 8 Mbit/s, a keyframe every 10 s as encoders commonly place them) showing the sample photos in
   * turn, 5 s each; made once and kept in the system temp folder.
   */
  public static Path clip1080p() throws IOException {
    return clip1080p(250);
  }

  /** The same clip with a keyframe every {@code gopFrames} frames (50: every 2 s, as many cameras and streaming encoders do). */
  public static synchronized Path clip1080p(int gopFrames) throws IOException {
    Path clip = Path.of(System.getProperty("java.io.tmpdir"), "tagger-bench", "clip-1080p-60s-h264" + (gopFrames == 250 ? "" : "-gop" + gopFrames) + ".mp4");
    if (Files.exists(clip)) {
      return clip;
    }
    Files.createDirectories(clip.getParent());
    List<String> names = List.of("cat-chelsea.png", "coffee-cup.png", "dog-bicycle.jpg", "astronaut-portrait.png",
        "group-outdoors.jpg", "horses.jpg");
    List<TestMedia.Shot> shots = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      shots.add(new TestMedia.Shot(photo(names.get(i % names.size())), 5));
    }
    Path tmp = clip.resolveSibling("clip-" + ProcessHandle.current().pid() + ".mp4");
    TestMedia.video(tmp, 1920, 1080, 25, gopFrames, org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264, 8_000_000, shots);
    Files.move(tmp, clip);
    return clip;
  }

  /** Tags one file and fails the benchmark when the item fails: a benchmark of a failure measures nothing. */
  public static dev.tagger.TagResult tagOrFail(dev.tagger.Tagger tagger, Path file) {
    dev.tagger.TagResult r = tagger.tag(dev.tagger.Media.of(file));
    if (!r.succeeded()) {
      throw new IllegalStateException(r.error().message());
    }
    return r;
  }
}
