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
        if (k.cls() == c.cls() && iou(k.box(), c.box()) > iouThreshold) {
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

  static double iou(Box a, Box b) {
    double x1 = Math.max(a.x(), b.x());
    double y1 = Math.max(a.y(), b.y());
    double x2 = Math.min(a.x() + a.width(), b.x() + b.width());
    double y2 = Math.min(a.y() + a.height(), b.y() + b.height());
    double inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    double union = a.width() * a.height() + b.width() * b.height() - inter;
    return union <= 0 ? 0 : inter / union;
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
