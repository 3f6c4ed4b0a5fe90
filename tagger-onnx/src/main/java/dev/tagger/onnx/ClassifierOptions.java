package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxOptions;
import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of an {@link ImageClassifier}.
 *
 * @param topK how many classes to report per image or frame
 * @param minScore classes under this softmax probability are not reported
 * @param resize short side the image is scaled to before the centre crop
 * @param crop side of the square model input
 * @param batchSize video frames per inference call
 */
public record ClassifierOptions(int topK, double minScore, int resize, int crop, float[] mean, float[] std,
    int batchSize, OnnxOptions onnx) {
  /** ImageNet preprocessing as the ONNX model zoo's MobileNetV2 expects it. */
  public static final ClassifierOptions IMAGENET = new ClassifierOptions(5, 0.02, 256, 224,
      new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, 8, OnnxOptions.DEFAULT);

  public ClassifierOptions {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    if (resize < crop || crop < 1) {
      throw new IllegalArgumentException("need 1 <= crop <= resize, got crop " + crop + ", resize " + resize);
    }
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("mean and std need 3 values (R, G, B)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    mean = mean.clone();
    std = std.clone();
  }

  public ClassifierOptions withTopK(int k) {
    return new ClassifierOptions(k, minScore, resize, crop, mean, std, batchSize, onnx);
  }

  public ClassifierOptions withMinScore(double score) {
    return new ClassifierOptions(topK, score, resize, crop, mean, std, batchSize, onnx);
  }

  /** Square input of this side, resized from a short side in ImageNet's 256/224 ratio. */
  public ClassifierOptions withInputSize(int side) {
    return new ClassifierOptions(topK, minScore, (int) Math.round(side * 256.0 / 224.0), side, mean, std, batchSize, onnx);
  }

  public ClassifierOptions withOnnx(OnnxOptions value) {
    return new ClassifierOptions(topK, minScore, resize, crop, mean, std, batchSize, value);
  }

  /** The settings that change the output, for cache keys. */
  String fingerprint() {
    return String.format(Locale.ROOT, "top%d,min%.4f,%d/%d,%s,%s", topK, minScore, resize, crop,
        Arrays.toString(mean), Arrays.toString(std));
  }
}
