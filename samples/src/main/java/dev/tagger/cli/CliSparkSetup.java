package dev.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spark.ExecutorSetup;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's engine in a Spark executor: the analysis an {@link AnalysisSpec} names (in worker processes when asked, so a
 * native crash fails one item), the default policy and vocabularies, and the per-item time limit, the same wiring as
 * {@code tag} ({@link Profile}). What an item costs comes from its kind and, for audio and video, its length.
 */
public final class CliSparkSetup implements ExecutorSetup {
  /**
   * What travels to the executors as JSON.
   *
   * @param workers worker processes per executor, 0 to analyze in the executor's JVM
   * @param parallel items the executor tags at once (its tasks share the engine)
   */
  record Config(AnalysisSpec analysis, double minConfidence, double reviewFrom, long timeoutSeconds, int workers, int parallel) {
    String toJson() {
      try {
        return JSON.writeValueAsString(this);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FfmpegMediaDecoder probe = new FfmpegMediaDecoder();
  private @Nullable Engine engine;
  private @Nullable Tagger tagger;

  @Override
  public void configure(String configuration) throws Exception {
    Config c = JSON.readValue(configuration, Config.class);
    engine = Engine.open(c.analysis(), new Engine.Isolation(c.workers(), Engine.Isolation.HEAP_MB, Engine.Isolation.RESIDENT_MB));
    tagger = Profile.engine(engine, Profile.policy(c.minConfidence(), c.reviewFrom()), true).parallelism(Math.max(1, c.parallel()))
        .itemTimeout(Duration.ofSeconds(c.timeoutSeconds())).build();
  }

  @Override
  public Tagger tagger() {
    if (tagger == null) {
      throw new IllegalStateException("the setup is not configured");
    }
    return tagger;
  }

  /** A photo is 1; a video 1 plus a frame every 2 s at half a photo and its soundtrack at a tenth of its length; audio the latter. */
  @Override
  public double cost(Path item) {
    Media media = Media.of(item);
    MediaKind kind = media.kind();
    if (kind == MediaKind.TEXT) {
      return 0.2;
    }
    if (kind != MediaKind.VIDEO && kind != MediaKind.AUDIO) {
      return 1;
    }
    double seconds = probe.durationSeconds(media).orElse(60);
    return 1 + seconds * 0.1 + (kind == MediaKind.VIDEO ? seconds / 2 * 0.5 : 0);
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
