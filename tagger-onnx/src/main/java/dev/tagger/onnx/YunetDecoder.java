package dev.tagger.onnx;

import dev.tagger.spi.RgbImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YuNet's input and output layout: BGR raw 0..255 NCHW padded to multiples of 32; per stride s in
 * {8, 16, 32} anchors row-major over the grid, score = sqrt(cls × obj), box centre and size from the
 * offsets, five landmarks (right eye, left eye, nose, right and left mouth corner).
 */
final class YunetDecoder {
  private static final int[] STRIDES = {8, 16, 32};

  private YunetDecoder() {}

  static int padded(int side) {
    return (side + 31) / 32 * 32;
  }

  static FloatBuffer input(RgbImage img) {
    return BgrCanvas.of(img, padded(img.width()), padded(img.height()), 0f);
  }

  /** Faces above the score, boxes and landmarks in the input image's pixels, before NMS. */
  static List<BoxNms.Candidate> decode(Map<String, float[]> out, int width, int height, double minScore) {
    int pw = padded(width);
    int ph = padded(height);
    List<BoxNms.Candidate> faces = new ArrayList<>();
    for (int s : STRIDES) {
      float[] cls = out.get("cls_" + s);
      float[] obj = out.get("obj_" + s);
      float[] bbox = out.get("bbox_" + s);
      float[] kps = out.get("kps_" + s);
      int cols = pw / s;
      int rows = ph / s;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int i = r * cols + c;
          double score = Math.sqrt(clamp01(cls[i]) * clamp01(obj[i]));
          if (score < minScore) {
            continue;
          }
          double cx = (c + bbox[i * 4]) * s;
          double cy = (r + bbox[i * 4 + 1]) * s;
          double w = Math.exp(bbox[i * 4 + 2]) * s;
          double h = Math.exp(bbox[i * 4 + 3]) * s;
          float[] landmarks = new float[10];
          for (int j = 0; j < 5; j++) {
            landmarks[2 * j] = (kps[i * 10 + 2 * j] + c) * s;
            landmarks[2 * j + 1] = (kps[i * 10 + 2 * j + 1] + r) * s;
          }
          faces.add(new BoxNms.Candidate(0, (float) score,
              BoxNms.clip(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, width, height), landmarks));
        }
      }
    }
    return faces;
  }

  private static double clamp01(float v) {
    return Math.max(0, Math.min(1, v));
  }
}
