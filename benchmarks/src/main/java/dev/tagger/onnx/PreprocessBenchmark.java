package dev.tagger.onnx;

import dev.tagger.bench.BenchMedia;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 1080p frame into the ImageNet tensor (short side 256, centre crop 224, normalised NCHW): our
 * one-pass preprocessor against a naive loop that reads every tap with {@code BufferedImage.getRGB}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PreprocessBenchmark {
  @Param({"ours", "baseline-getRGB"})
  public String method;

  private final ImagePreprocessor ours = new ImagePreprocessor(256, 224, ClassifierOptions.IMAGENET.mean(), ClassifierOptions.IMAGENET.std());
  private final FloatBuffer out = FloatBuffer.allocate(3 * 224 * 224);
  private RgbImage frame;
  private BufferedImage buffered;

  @Setup
  public void setUp() {
    frame = TestMedia.scale(BenchMedia.photo("dog-bicycle.jpg"), 1920, 1080);
    buffered = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
    byte[] px = frame.pixels();
    for (int y = 0; y < 1080; y++) {
      for (int x = 0; x < 1920; x++) {
        int i = (y * 1920 + x) * 3;
        buffered.setRGB(x, y, (px[i] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | (px[i + 2] & 0xFF));
      }
    }
  }

  @Benchmark
  public FloatBuffer toTensor() {
    out.clear();
    if (method.equals("ours")) {
      ours.write(frame, out);
    } else {
      naive(buffered, out);
    }
    return out;
  }

  /** Bilinear taps straight from getRGB, per channel, per pixel. */
  static void naive(BufferedImage img, FloatBuffer out) {
    float[] mean = ClassifierOptions.IMAGENET.mean();
    float[] std = ClassifierOptions.IMAGENET.std();
    double factor = 256.0 / Math.min(img.getWidth(), img.getHeight());
    int offX = ((int) Math.round(img.getWidth() * factor) - 224) / 2;
    int offY = ((int) Math.round(img.getHeight() * factor) - 224) / 2;
    float[] chw = new float[3 * 224 * 224];
    for (int c = 0; c < 3; c++) {
      int shift = 16 - 8 * c;
      for (int oy = 0; oy < 224; oy++) {
        for (int ox = 0; ox < 224; ox++) {
          double sx = Math.min(img.getWidth() - 1, Math.max(0, (ox + offX + 0.5) / factor - 0.5));
          double sy = Math.min(img.getHeight() - 1, Math.max(0, (oy + offY + 0.5) / factor - 0.5));
          int x0 = (int) sx;
          int y0 = (int) sy;
          int x1 = Math.min(img.getWidth() - 1, x0 + 1);
          int y1 = Math.min(img.getHeight() - 1, y0 + 1);
          double fx = sx - x0;
          double fy = sy - y0;
          double v = ((img.getRGB(x0, y0) >> shift & 0xFF) * (1 - fx) + (img.getRGB(x1, y0) >> shift & 0xFF) * fx) * (1 - fy)
              + ((img.getRGB(x0, y1) >> shift & 0xFF) * (1 - fx) + (img.getRGB(x1, y1) >> shift & 0xFF) * fx) * fy;
          chw[c * 224 * 224 + oy * 224 + ox] = (float) ((v / 255 - mean[c]) / std[c]);
        }
      }
    }
    out.put(chw);
  }
}
