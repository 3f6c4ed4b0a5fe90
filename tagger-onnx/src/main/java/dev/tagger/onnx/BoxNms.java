package dev.tagger.onnx;

import dev.tagger.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression over scored boxes, per class. */
final class BoxNms {
  /** A candidate: class index, score, box in pixels, and optional extra values (landmarks). */
  record Candidate(int cls, float score, Box box, float[] extra) {}

  private BoxNms() {}

  static List<Candidate> suppress(List<Candidate> candidates, double iouThreshold) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : sorted) {
      boolean overlaps = false;
      for (Candidate k : kept) {
        if (k.cls() == c.cls() && k.box().iou(c.box()) > iouThreshold) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(c);
      }
    }
    return kept;
  }

  /** The box clipped to an image of the given size. */
  static Box clip(double x1, double y1, double x2, double y2, int width, int height) {
    double cx1 = Math.max(0, Math.min(width, x1));
    double cy1 = Math.max(0, Math.min(height, y1));
    double cx2 = Math.max(0, Math.min(width, x2));
    double cy2 = Math.max(0, Math.min(height, y2));
    return new Box(cx1, cy1, Math.max(0, cx2 - cx1), Math.max(0, cy2 - cy1));
  }
}
