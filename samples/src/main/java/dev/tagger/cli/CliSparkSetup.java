package dev.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.Tagger;
import dev.tagger.audio.SoundVocabulary;
import dev.tagger.media.ContainerDuration;
import dev.tagger.model.Hashing;
import dev.tagger.onnx.VisionVocabulary;
import dev.tagger.policy.TagPolicy;
import dev.tagger.spark.ExecutorSetup;
import dev.tagger.spark.ExecutorSlots;
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
   * @param workers worker processes per executor, 0 to analyze in the executor's JVM, -1 for one per task slot of
   *     the executor ({@link ExecutorSlots})
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
  /** For a length the header does not state: 2 Mbit/s video, 128 kbit/s audio. */
  private static final double VIDEO_BYTES_A_SECOND = 250_000;
  private static final double AUDIO_BYTES_A_SECOND = 16_000;
  private @Nullable Engine engine;
  private @Nullable Tagger tagger;
  private @Nullable String fingerprint;

  @Override
  public void configure(String configuration) throws Exception {
    Config c = JSON.readValue(configuration, Config.class);
    int workers = c.workers() < 0 ? ExecutorSlots.here() : c.workers();
    engine = Engine.open(c.analysis(), new Engine.Isolation(workers, Engine.Isolation.HEAP_MB, Engine.Isolation.RESIDENT_MB));
    try {
      TagPolicy policy = Profile.policy(c.minConfidence(), c.reviewFrom());
      tagger = Profile.engine(engine, policy, true).parallelism(Math.max(1, c.parallel()))
          .itemTimeout(Duration.ofSeconds(c.timeoutSeconds())).build();
      fingerprint = Hashing.sha256(String.join("|", tagger.fingerprint(), policy.fingerprint(),
          Hashing.sha256(VisionVocabulary.text()), Hashing.sha256(SoundVocabulary.text()))).substring(0, 16);
    } catch (RuntimeException e) {
      engine.close();
      engine = null;
      throw e;
    }
  }

  /** The analysis, the policy and the bundled vocabularies. */
  @Override
  public String fingerprint() {
    if (fingerprint == null) {
      throw new IllegalStateException("the setup is not configured");
    }
    return fingerprint;
  }

  @Override
  public Tagger tagger() {
    if (tagger == null) {
      throw new IllegalStateException("the setup is not configured");
    }
    return tagger;
  }

  /**
   * A photo is 1; a video 1 plus a frame every 2 s at half a photo and its soundtrack at a tenth of its length; audio
   * the latter. The length is what the container's header says ({@link ContainerDuration}, plain Java: a corrupt file
   * cannot crash or hold the executor), else a guess from the file's size.
   */
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
    double seconds = ContainerDuration.read(item).orElseGet(() -> sizeOf(item) / (kind == MediaKind.VIDEO ? VIDEO_BYTES_A_SECOND : AUDIO_BYTES_A_SECOND));
    return 1 + seconds * 0.1 + (kind == MediaKind.VIDEO ? seconds / 2 * 0.5 : 0);
  }

  private static double sizeOf(Path item) {
    try {
      return java.nio.file.Files.size(item);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
