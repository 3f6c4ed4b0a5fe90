package dev.tagger.nlp.ocr;

import dev.tagger.Box;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where in a picture the text detector looks again at full resolution: around the regions its pass at
 * low resolution found, each widened by a margin, overlapping windows joined. When the windows would
 * cover most of the picture, the whole picture is looked at instead ({@code null}).
 */
final class TextWindows {
  /** Windows covering more than this share of the picture are no cheaper than the whole picture. */
  static final double MOST_OF_THE_PICTURE = 0.6;
  /** The margin around a region, in the region's heights. */
  static final double MARGIN_LINES = 2;
  /** The least margin around a region, as a share of the picture's longer side. */
  static final double MIN_MARGIN = 0.04;

  private TextWindows() {}

  /**
   * The windows around {@code regions} (boxes in a {@code width}×{@code height} picture), or null when they
   * would cover most of it.
   */
  static @Nullable List<Box> around(List<Box> regions, int width, int height) {
    List<Box> windows = new ArrayList<>();
    for (Box r : regions) {
      windows.add(widened(r, width, height));
    }
    boolean joined = true;
    while (joined) {
      joined = false;
      for (int i = 0; i < windows.size() && !joined; i++) {
        for (int j = i + 1; j < windows.size(); j++) {
          if (intersect(windows.get(i), windows.get(j))) {
            windows.set(i, union(windows.get(i), windows.remove(j)));
            joined = true;
            break;
          }
        }
      }
    }
    double area = windows.stream().mapToDouble(w -> w.width() * w.height()).sum();
    return area > MOST_OF_THE_PICTURE * width * height ? null : windows;
  }

  /**
   * The region with a margin all round ({@value #MARGIN_LINES} times its height, at least {@value #MIN_MARGIN}
   * of the picture's longer side: a line found at low resolution may run on, or have smaller lines beside
   * it), within the picture.
   */
  static Box widened(Box r, int width, int height) {
    double m = Math.max(MARGIN_LINES * r.height(), MIN_MARGIN * Math.max(width, height));
    double x0 = Math.max(0, r.x() - m);
    double y0 = Math.max(0, r.y() - m);
    double x1 = Math.min(width, r.x() + r.width() + m);
    double y1 = Math.min(height, r.y() + r.height() + m);
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }

  static Box union(Box a, Box b) {
    double x = Math.min(a.x(), b.x());
    double y = Math.min(a.y(), b.y());
    return new Box(x, y, Math.max(a.x() + a.width(), b.x() + b.width()) - x, Math.max(a.y() + a.height(), b.y() + b.height()) - y);
  }

  private static boolean intersect(Box a, Box b) {
    return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
  }
}
