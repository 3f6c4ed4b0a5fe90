package dev.tagger.onnx;

import dev.tagger.onnx.runtime.OnnxOptions;
import java.util.Locale;

/**
 * Settings of an {@link ObjectDetector}.
 *
 * @param minScore boxes under this score (objectness × class probability) are dropped
 * @param nmsIou boxes of one class overlapping a stronger one by more than this are dropped
 * @param inputSize side of the square model input (416 for YOLOX nano)
 */
public record DetectorOptions(double minScore, double nmsIou, int inputSize, OnnxOptions onnx) {
  public static final DetectorOptions YOLOX_NANO = new DetectorOptions(0.35, 0.45, 416, OnnxOptions.DEFAULT);

  public DetectorOptions {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    if (!(nmsIou > 0 && nmsIou <= 1)) {
      throw new IllegalArgumentException("nmsIou must be in (0, 1], got " + nmsIou);
    }
    if (inputSize < 32 || inputSize % 32 != 0) {
      throw new IllegalArgumentException("inputSize must be a multiple of 32, got " + inputSize);
    }
  }

  public DetectorOptions withMinScore(double score) {
    return new DetectorOptions(score, nmsIou, inputSize, onnx);
  }

  public DetectorOptions withInputSize(int side) {
    return new DetectorOptions(minScore, nmsIou, side, onnx);
  }

  public DetectorOptions withOnnx(OnnxOptions value) {
    return new DetectorOptions(minScore, nmsIou, inputSize, value);
  }

  String fingerprint() {
    return String.format(Locale.ROOT, "min%.3f,iou%.3f,in%d", minScore, nmsIou, inputSize);
  }
}
