package dev.tagger.onnx;

import dev.tagger.bench.BenchMedia;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import java.util.Collections;
import java.util.List;
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
 * One call of each vision model on 1080p frames, preprocessing included, one intra-op thread. The
 * classifier runs with batch 1 and batch 8 (divide the batch-8 time by 8 for a frame's share).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {
  @Param({"classifier-batch1", "classifier-batch8", "detector", "faces"})
  public String model;

  private ImageClassifier classifier;
  private ObjectDetector detector;
  private FaceAnalyzer faces;
  private RgbImage frame;
  private List<RgbImage> eight;

  @Setup
  public void setUp() {
    frame = TestMedia.scale(BenchMedia.photo("group-outdoors.jpg"), 1920, 1080);
    eight = Collections.nCopies(8, frame);
    switch (model) {
      case "detector" -> detector = ObjectDetector.yoloxNano(BenchMedia.store(), DetectorOptions.YOLOX_NANO);
      case "faces" -> faces = FaceAnalyzer.open(BenchMedia.store(), FaceOptions.DEFAULT);
      default -> classifier = ImageClassifier.imageNet(BenchMedia.store(), ClassifierOptions.IMAGENET);
    }
  }

  @TearDown
  public void tearDown() {
    for (AutoCloseable c : new AutoCloseable[] {classifier, detector, faces}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Benchmark
  public Object infer() {
    return switch (model) {
      case "classifier-batch1" -> classifier.classify(List.of(frame));
      case "classifier-batch8" -> classifier.classify(eight);
      case "detector" -> detector.analyzePicture(frame, null);
      default -> faces.analyzePicture(frame, null);
    };
  }
}
