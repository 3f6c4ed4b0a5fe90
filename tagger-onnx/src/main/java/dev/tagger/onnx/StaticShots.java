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
   * For each picture, the index of the picture that stands for it: itself when a model must look at it, else
   * the last one looked at, when this one shows the same (a still, or the first frame, is always looked at).
   */
  static int[] standIns(AnalysisInput input, String analyzer) {
    List<Picture> pictures = input.pictures();
    double maxDifference = input.sampling().staticDifference();
    int[] out = new int[pictures.size()];
    int looked = -1;
    int reused = 0;
    for (int i = 0; i < pictures.size(); i++) {
      Picture p = pictures.get(i);
      if (looked >= 0 && p.span() != null && maxDifference > 0 && same(pictures.get(looked).image(), p.image(), maxDifference)) {
        reused++;
        out[i] = looked; // against the last one looked at: a slow pan drifts away from it, however alike its steps
      } else {
        out[i] = i;
        looked = i;
      }
    }
    if (reused > 0) {
      LOG.debug("{}: {} looked at {} of {} frames; {} showed a static shot and reuse what it found there", input.media(), analyzer,
          pictures.size() - reused, pictures.size(), reused);
    }
    return out;
  }

  /** Whether two frames show the same thing: mean thumbnail difference at most {@code maxDifference} grey levels. */
  static boolean same(RgbImage a, RgbImage b, double maxDifference) {
    if (a.width() != b.width() || a.height() != b.height()) {
      return false;
    }
    byte[] x = thumbnail(a);
    byte[] y = thumbnail(b);
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
