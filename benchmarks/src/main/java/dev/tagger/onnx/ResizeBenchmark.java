package dev.tagger.onnx;

import dev.tagger.bench.BenchMedia;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three shrinks the default vision models make of one 12 MP photo (the classifier's 256/224 crop, the
 * detector's 416 letterbox, the face detector's longest side): sharing the photo's halvings (what the
 * models do, one picture for all three) against each shrink halving the full photo on its own (as if each
 * model had its own copy: what every model paid before the halvings were shared).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResizeBenchmark {
  @Param({"shared", "each-alone"})
  public String halvings;

  private final ImagePreprocessor classifier = new ImagePreprocessor(256, 224, ClassifierOptions.IMAGENET.mean(), ClassifierOptions.IMAGENET.std());
  private final FloatBuffer tensor = FloatBuffer.allocate(3 * 224 * 224);
  private RgbImage photo;
  private RgbImage[] pictures = new RgbImage[3];

  @Setup
  public void load() {
    photo = TestMedia.scale(BenchMedia.photo("horses.jpg"), 4000, 3000);
  }

  /** Fresh pictures each call, so no halving is left over from the call before. */
  @Setup(Level.Invocation)
  public void fresh() {
    RgbImage one = new RgbImage(photo.width(), photo.height(), photo.pixels().clone());
    for (int i = 0; i < 3; i++) {
      pictures[i] = halvings.equals("shared") || i == 0 ? one : new RgbImage(photo.width(), photo.height(), photo.pixels().clone());
    }
  }

  @Benchmark
  public int shrinkForTheThreeModels() {
    tensor.clear();
    classifier.write(pictures[0], tensor);
    RgbImage letterboxed = Resize.bilinear(pictures[1], 416, 312);
    int side = FaceOptions.DEFAULT.maxSide();
    RgbImage faces = Resize.bilinear(pictures[2], side, side * 3 / 4);
    return tensor.position() + letterboxed.width() + faces.width();
  }
}
