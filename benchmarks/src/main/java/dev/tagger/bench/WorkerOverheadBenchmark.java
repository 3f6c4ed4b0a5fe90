package dev.tagger.bench;

import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.WorkerPool;
import dev.tagger.WorkerSetup;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.policy.TagPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a worker process costs per item: the same photo through the same analyzers (classifier and
 * detector, one thread) in this JVM and in one supervised worker process. The difference per item is the
 * worker overhead (request and reply over the pipes, the analysis as JSON both ways); starting the worker
 * is paid once per run and is not in it. A short text note, which neither analyzer looks at, is the overhead
 * alone; a small photo (the 768x576 sample) shows it at a large share, a 12 MP JPEG at a typical one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class WorkerOverheadBenchmark {
  @Param({"text-note", "photo-small", "photo-12mp"})
  public String item;

  @Param({"in-process", "worker"})
  public String where;

  private VisionSetup local;
  private WorkerPool pool;
  private Tagger tagger;
  private Path file;

  @Setup
  public void setUp() throws IOException {
    file = switch (item) {
      case "text-note" -> java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("tagger-bench", ".txt"), "a short note");
      case "photo-small" -> BenchMedia.samples().resolve("dog-bicycle.jpg");
      default -> PhotoRateBenchmark.jpeg12mp("horses.jpg");
    };
    Tagger.Builder b = Tagger.builder().policy(TagPolicy.defaults()).parallelism(1);
    if (where.equals("worker")) {
      pool = WorkerPool.builder(VisionSetup.class).workers(1).start();
      b.workers(pool);
    } else {
      local = new VisionSetup();
      local.configure(b, "");
    }
    tagger = b.build();
  }

  @TearDown
  public void tearDown() {
    if (pool != null) {
      pool.close();
    }
    if (local != null) {
      local.close();
    }
  }

  @Benchmark
  public TagResult tag() {
    return BenchMedia.tagOrFail(tagger, file);
  }

  /** The classifier and the detector on one thread each, with FFmpeg on one thread: in this JVM or in a worker. */
  public static final class VisionSetup implements WorkerSetup, AutoCloseable {
    private ImageClassifier classifier;
    private ObjectDetector detector;

    @Override
    public void configure(Tagger.Builder worker, String configuration) {
      classifier = ImageClassifier.imageNet(BenchMedia.store(), ClassifierOptions.IMAGENET);
      detector = ObjectDetector.yoloxNano(BenchMedia.store(), DetectorOptions.YOLOX_NANO);
      worker.decoder(new FfmpegMediaDecoder(1)).analyzer(classifier).analyzer(detector);
    }

    @Override
    public void close() {
      classifier.close();
      detector.close();
    }
  }
}
