package dev.tagger.nlp.ocr;

import dev.tagger.Box;
import dev.tagger.MediaKind;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Both OCR engines on each picture, merged per region. First the pre-check: PP-OCR's text detector at
 * low resolution ({@link PaddleOcr#readRegions}); a picture in which it finds no region shaped like a
 * line of text is read by neither engine, so a photo without text costs one small detector pass. Then
 * PP-OCR looks again around what it found and reads, and Tesseract reads the regions PP-OCR read or that are shaped like lines of text, each
 * on its own ({@link TesseractOcr#readRegions}), not the whole picture. On video only the frames of a new shot are read at all ({@link ShotChange}), and a large frame is looked at once, at the
 * pre-check's resolution ({@link PaddleOcr#looksOnce}). Lines of the two engines
 * whose boxes overlap by half the smaller box form one region; where both read the same letters, the
 * reading with more word breaks (PP-OCR tends to run words together), then fewer stray symbols, wins;
 * where they differ, the
 * engine surer of its reading wins; a line only one engine read is kept. Thread-safe; owns the
 * PP-OCR sessions it is given.
 */
public final class MergedOcr implements FrameAnalyzer, AutoCloseable {
  /** A region PP-OCR read nothing in goes to Tesseract only when at least this much wider than high. */
  static final double LINE_ELONGATION = 4.0;
  private final TesseractOcr tesseract;
  private final PaddleOcr paddle;
  private final Duration timeLimit;

  public MergedOcr(TesseractOcr tesseract, PaddleOcr paddle, Duration timeLimit) {
    this.tesseract = tesseract;
    this.paddle = paddle;
    this.timeLimit = timeLimit;
  }

  @Override
  public AnalyzerInfo info() {
    AnalyzerInfo t = tesseract.info();
    AnalyzerInfo p = paddle.info();
    return new AnalyzerInfo("ocr-merged", t.model() + "+" + p.model(), t.version() + "+" + p.version(),
        t.options() + ";" + p.options() + ";limit" + timeLimit.toMillis() + "ms;precheck" + PaddleOcr.PRECHECK_SIDE + ",tesseract-regions" + TesseractOcr.LINE_HEIGHT + "psm6-linelike" + LINE_ELONGATION);
    // which video frames are read (ShotChange.OPTIONS) is named by both engines' options
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  public Pass start(AnalysisInput input) {
    return OcrLine.pass(input, this::read, info().source(), timeLimit);
  }

  List<OcrLine> read(RgbImage img, long deadlineNanos) {
    return read(img, () -> img, false, deadlineNanos);
  }

  List<OcrLine> read(RgbImage img, boolean videoFrame, long deadlineNanos) {
    return read(img, () -> img, videoFrame, deadlineNanos);
  }

  /** Finds text in {@code img} and reads it from {@code fullResolution}; boxes in {@code img}'s pixels. */
  List<OcrLine> read(RgbImage img, Supplier<RgbImage> fullResolution, boolean videoFrame, long deadlineNanos) {
    PaddleOcr.Reading pp = paddle.readRegions(img, fullResolution, videoFrame, deadlineNanos);
    if (pp.regions().isEmpty() || tesseract.unavailable().isPresent()) {
      return pp.lines();
    }
    // Tesseract reads the regions shaped like lines of text and those PP-OCR read; blobs in fur or foliage are left out
    List<Box> lineLike = pp.regions().stream()
        .filter(r -> r.width() >= LINE_ELONGATION * r.height()
            || pp.lines().stream().anyMatch(l -> overlap(l.box(), r) >= 0.5))
        .toList();
    return merge(tesseract.readRegions(img, fullResolution, lineLike, deadlineNanos), pp.lines());
  }

  /** The two engines' lines of one picture, merged per region, in reading order. */
  static List<OcrLine> merge(List<OcrLine> tesseract, List<OcrLine> paddle) {
    int n = tesseract.size() + paddle.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < tesseract.size(); i++) {
      for (int j = 0; j < paddle.size(); j++) {
        if (overlap(tesseract.get(i).box(), paddle.get(j).box()) >= 0.5) {
          parent[find(parent, i)] = find(parent, tesseract.size() + j);
        }
      }
    }
    List<OcrLine> merged = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      List<OcrLine> fromTesseract = new ArrayList<>();
      List<OcrLine> fromPaddle = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (find(parent, i) == root) {
          (i < tesseract.size() ? fromTesseract : fromPaddle).add(i < tesseract.size() ? tesseract.get(i) : paddle.get(i - tesseract.size()));
        }
      }
      if (!fromTesseract.isEmpty() || !fromPaddle.isEmpty()) {
        merged.add(choose(joined(fromTesseract), joined(fromPaddle)));
      }
    }
    return inReadingOrder(merged);
  }

  private static List<OcrLine> inReadingOrder(List<OcrLine> lines) {
    List<Box> order = PaddleOcr.readingOrder(lines.stream().map(OcrLine::box).toList());
    List<OcrLine> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparingInt(l -> order.indexOf(l.box())));
    return sorted;
  }

  private static OcrLine choose(@Nullable OcrLine t, @Nullable OcrLine p) {
    if (t == null || p == null) {
      return t == null ? p : t;
    }
    Box box = TextWindows.union(t.box(), p.box());
    double confidence = Math.max(t.confidence(), p.confidence());
    if (letters(t.text()).equals(letters(p.text()))) {
      Comparator<String> better = Comparator.comparingLong(MergedOcr::spaces).thenComparingLong(s -> -symbols(s));
      return new OcrLine(better.compare(t.text(), p.text()) >= 0 ? t.text() : p.text(), box, confidence);
    }
    return new OcrLine(t.confidence() >= p.confidence() ? t.text() : p.text(), box, confidence);
  }

  /** One engine's lines of a region, in reading order, as one line (confidence weighed by length); null when none. */
  private static @Nullable OcrLine joined(List<OcrLine> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    List<OcrLine> sorted = inReadingOrder(lines);
    Box box = sorted.get(0).box();
    double weighted = 0;
    int chars = 0;
    for (OcrLine l : sorted) {
      box = TextWindows.union(box, l.box());
      weighted += l.confidence() * l.text().length();
      chars += l.text().length();
    }
    String text = String.join(" ", sorted.stream().map(OcrLine::text).toList());
    return new OcrLine(text, box, weighted / Math.max(1, chars));
  }

  private static String letters(String s) {
    return s.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
  }

  private static long symbols(String s) {
    return s.chars().filter(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)).count();
  }

  private static long spaces(String s) {
    return s.chars().filter(Character::isWhitespace).count();
  }

  /** Intersection over the smaller box's area. */
  static double overlap(Box a, Box b) {
    double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
    double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    return w * h / Math.min(a.width() * a.height(), b.width() * b.height());
  }


  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  @Override
  public void close() {
    paddle.close();
    TesseractWords.releaseIdle();
  }
}
