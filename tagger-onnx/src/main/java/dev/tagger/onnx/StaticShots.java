package dev.tagger.onnx;

import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.Picture;
import dev.tagger.spi.RgbImage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telling a sampled frame that shows what the last frame looked at showed (a static shot): both shrunk to a
 * {@link #SIDE}-pixel-wide grey thumbnail (the picture's shared halvings make that cheap, and the averaging
 * drops the camera's noise), and the same when their mean difference is at most the sampling policy's
 * {@link dev.tagger.spi.SamplingPolicy#staticDifference} of 255 levels (2 by default; 0: never). A vision model then does not look at it again: that frame's detections are moved to its
 * instant, so the shot's segments run on. A small thing moving in a large still frame (a face turning
 * over a twentieth of it) already differs by more.
 */
final class StaticShots {
  static final int SIDE = 32;
  private static final Logger LOG = LoggerFactory.getLogger(StaticShots.class);
  private static final Map<RgbImage, byte[]> THUMBNAILS = Collections.synchronizedMap(new WeakHashMap<>());

  private StaticShots() {}

  /**
   * One analyzer's view of one item's pictures, in order: whether a model must look at the next one, or the
   * last one looked at stands for it (it shows the same; a still, or the first frame, is always looked at).
   * Not thread-safe: one per item and analyzer.
   */
  static final class Tracker {
    private final AnalysisInput input;
    private final String analyzer;
    private final double maxDifference;
    private byte[] lookedThumbnail; // of the last picture looked at: kept instead of its pixels
    private int lookedWidth;
    private int lookedHeight;
    private int pictures;
    private int reused;

    Tracker(AnalysisInput input, String analyzer) {
      this.input = input;
      this.analyzer = analyzer;
      this.maxDifference = input.sampling().staticDifference();
    }

    /** True when the picture shows what the last one looked at showed, so that one's findings stand for it. */
    boolean reuse(Picture p) {
      pictures++;
      // against the last one looked at: a slow pan drifts away from it, however alike its steps
      RgbImage img = p.image();
      if (p.span() == null || maxDifference <= 0) {
        return false; // a still, or the saving turned off
      }
      byte[] thumbnail = thumbnail(img);
      if (lookedThumbnail != null && img.width() == lookedWidth && img.height() == lookedHeight
          && close(lookedThumbnail, thumbnail, maxDifference)) {
        reused++;
        return true;
      }
      lookedThumbnail = thumbnail;
      lookedWidth = img.width();
      lookedHeight = img.height();
      return false;
    }

    /** Logs the saving, at debug level, when there was one. */
    void report() {
      if (reused > 0) {
        LOG.debug("{}: {} looked at {} of {} frames; {} showed a static shot and reuse what it found there", input.media(), analyzer,
            pictures - reused, pictures, reused);
      }
    }
  }

  /** Whether two frames show the same thing: mean thumbnail difference at most {@code maxDifference} grey levels. */
  static boolean same(RgbImage a, RgbImage b, double maxDifference) {
    if (a.width() != b.width() || a.height() != b.height()) {
      return false;
    }
    return close(thumbnail(a), thumbnail(b), maxDifference);
  }

  private static boolean close(byte[] x, byte[] y, double maxDifference) {
    long sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
    }
    return sum <= maxDifference * x.length;
  }

  /** The detections of the frame looked at, as seen at this frame's instant. */
  static List<Detection> movedTo(List<Detection> previous, TimeSpan span) {
    return previous.stream().map(d -> new Detection(d.label(), d.confidence(), d.category(),
        new Evidence(span, d.evidence().box(), d.evidence().text(), d.evidence().points()))).toList();
  }

  private static byte[] thumbnail(RgbImage img) {
    return THUMBNAILS.computeIfAbsent(img, i -> {
      int h = Math.max(1, (int) Math.round(SIDE * i.height() / (double) i.width()));
      RgbImage small = Resize.bilinear(i, SIDE, h);
      byte[] px = small.pixels();
      byte[] grey = new byte[SIDE * h];
      for (int p = 0; p < grey.length; p++) {
        grey[p] = (byte) (((px[3 * p] & 0xFF) * 77 + (px[3 * p + 1] & 0xFF) * 150 + (px[3 * p + 2] & 0xFF) * 29) >> 8);
      }
      return grey;
    });
  }
}
