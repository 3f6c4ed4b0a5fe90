package dev.tagger.nlp.ocr;

import dev.tagger.Box;
import dev.tagger.MediaKind;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.Picture;
import dev.tagger.spi.RgbImage;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.Word;
import net.sourceforge.tess4j.util.LoadLibs;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with Tesseract (Tess4J and the system's libtesseract; English data from the Tess4J jar, other
 * languages from a tessdata folder the user names). For each picture it reads words, drops those under a
 * confidence floor, joins the rest into lines, and returns the text as an {@code ocr} text item (with the
 * frame's time, identical text in consecutive frames merged into one span) for the text analyzers, plus a
 * {@link Category#TEXT} detection per line with its box and words as evidence. Big pictures are scaled to
 * at most {@code maxSide} first. With a {@linkplain #withPrecheck pre-check}, pictures it finds no text
 * in are not read at all; an item's reading stops at its {@linkplain #withTimeLimit time limit}, keeping
 * what was read. When the native library is missing, {@link #unavailable()} says so and the analyzer
 * returns nothing, so every other analyzer still works. Thread-safe: each call makes its own Tesseract
 * handle.
 */
public final class TesseractOcr implements FrameAnalyzer {
  private static final Logger LOG = LoggerFactory.getLogger(TesseractOcr.class);

  /** Pictures whose longer side is under this are enlarged before reading. */
  static final int MIN_SIDE = 1200;

  private final File tessdata;
  private final String language;
  private final double minWordConfidence;
  private final int maxSide;
  private final @Nullable String unavailable;
  private final @Nullable TextPresence precheck;
  private final Duration timeLimit;

  /**
   * @param tessdata folder with {@code LANG.traineddata}, or null for the English data in the Tess4J jar
   * @param language Tesseract language code(s), e.g. {@code eng} or {@code eng+deu}
   * @param minWordConfidence words Tesseract is less sure of (0..1) are dropped
   */
  public TesseractOcr(@Nullable File tessdata, String language, double minWordConfidence, int maxSide) {
    this(tessdata != null ? tessdata : LoadLibs.extractTessResources("tessdata"), language, minWordConfidence, maxSide,
        probe(), null, DEFAULT_TIME_LIMIT);
    if (unavailable != null) {
      LOG.warn("{}", unavailable);
    }
  }

  private TesseractOcr(File tessdata, String language, double minWordConfidence, int maxSide, @Nullable String unavailable,
      @Nullable TextPresence precheck, Duration timeLimit) {
    this.tessdata = tessdata;
    this.language = language;
    this.minWordConfidence = minWordConfidence;
    this.maxSide = maxSide;
    this.unavailable = unavailable;
    this.precheck = precheck;
    this.timeLimit = timeLimit;
  }

  /** How long one item may be read for unless {@link #withTimeLimit} says otherwise. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

  /** This engine, reading only the pictures in which {@code precheck} finds text. */
  public TesseractOcr withPrecheck(TextPresence precheck) {
    return new TesseractOcr(tessdata, language, minWordConfidence, maxSide, unavailable, precheck, timeLimit);
  }

  /** This engine, reading each item for at most {@code limit} (pictures not reached by then are skipped). */
  public TesseractOcr withTimeLimit(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive, got " + limit);
    }
    return new TesseractOcr(tessdata, language, minWordConfidence, maxSide, unavailable, precheck, limit);
  }

  public TesseractOcr() {
    this(null, "eng", 0.6, 2400);
  }

  /** Why OCR cannot run here (the native library is missing), or empty when it can. */
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  private static @Nullable String probe() {
    try {
      ITessAPI.TessBaseAPI handle = net.sourceforge.tess4j.TessAPI.INSTANCE.TessBaseAPICreate();
      net.sourceforge.tess4j.TessAPI.INSTANCE.TessBaseAPIDelete(handle);
      return null;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return "OCR unavailable: the Tesseract library (libtesseract5) cannot be loaded: " + e.getMessage()
          + "; install it (apt-get install libtesseract5) to read text in pictures";
    }
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("ocr", "tesseract-" + language, "5", String.format(Locale.ROOT, "min%.2f,side%d,limit%dms%s", minWordConfidence,
        maxSide, timeLimit.toMillis(), precheck == null ? "" : ",precheck") + ShotChange.OPTIONS);
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  public Pass start(AnalysisInput input) {
    if (unavailable != null) {
      return Pass.ignoring(AnalyzerOutput.EMPTY);
    }
    return OcrLine.pass(input, (img, full, frame, deadline) -> {
      RgbImage whole = full.get(); // Tesseract reads a still at its full resolution; boxes go back to the picture's pixels
      return OcrLine.scaled(read(whole, deadline), img.width() / (double) whole.width(), img.height() / (double) whole.height());
    }, info().source(), timeLimit);
  }

  List<OcrLine> read(RgbImage img) {
    return read(img, System.nanoTime() + timeLimit.toNanos());
  }

  List<OcrLine> read(RgbImage img, long deadlineNanos) {
    if (precheck != null && !precheck.mayHaveText(img)) {
      return List.of();
    }
    // Tesseract reads best with letters 20-40 px high: small pictures are enlarged (up to 3x), big ones shrunk.
    int longest = Math.max(img.width(), img.height());
    double scale = Math.min(maxSide / (double) longest, Math.max(1.0, Math.min(3.0, MIN_SIDE / (double) longest)));
    return read(img, scale, deadlineNanos);
  }

  private List<OcrLine> read(RgbImage img, double scale, long deadlineNanos) {
    BufferedImage bi = Illumination.flatten(toBufferedImage(img, scale));
    TesseractWords.Result read = TesseractWords.read(bi, tessdata.getAbsolutePath(), language, deadlineNanos);
    if (read.cutShort()) {
      LOG.debug("Tesseract stopped at the time limit on a {}x{} picture", img.width(), img.height());
    }
    List<Word> words = read.words();
    List<OcrLine> lines = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    for (Word w : words) {
      if (!current.isEmpty() && !sameLine(current.get(current.size() - 1).getBoundingBox(), w.getBoundingBox())) {
        addLine(lines, current, scale);
        current.clear();
      }
      if (w.getConfidence() / 100.0 >= minWordConfidence && w.getText().strip().codePoints().anyMatch(Character::isLetterOrDigit)) {
        current.add(w);
      }
    }
    addLine(lines, current, scale);
    return lines;
  }

  /** The height a line of text is scaled to before Tesseract reads it on its own. */
  static final int LINE_HEIGHT = 48;

  /**
   * Reads each region of the picture (a line of text, sometimes two, that another engine's detector found)
   * on its own, scaled to {@value #LINE_HEIGHT} px a line (a region about twice the median height counts as two): a
   * sign in a 12 MP photo costs a few small readings instead of a reading of the whole photo. Each region's
   * words become one line with the region's box. Regions are in {@code img}'s pixels; one that must be
   * enlarged to be read is cut from {@code fullResolution} (the same picture unless a still was decoded reduced).
   */
  List<OcrLine> readRegions(RgbImage img, Supplier<RgbImage> fullResolution, List<Box> regions, long deadlineNanos) {
    if (unavailable != null || regions.isEmpty()) {
      return List.of();
    }
    double[] heights = regions.stream().mapToDouble(Box::height).sorted().toArray();
    double median = Math.max(1.0, heights[heights.length / 2]);
    List<BufferedImage> crops = new ArrayList<>();
    RgbImage whole = null;
    for (Box r : regions) {
      long lines = Math.max(1, Math.round(r.height() / median)); // a region twice the usual height holds two lines
      double scale = Math.max(0.1, Math.min(4.0, LINE_HEIGHT * lines / Math.max(1.0, r.height())));
      if (scale <= 1) {
        crops.add(Illumination.flatten(lineCrop(img, r, scale)));
        continue;
      }
      // enlarged for reading: from the finer pixels of the full picture when a still was decoded reduced
      whole = whole == null ? fullResolution.get() : whole;
      double fx = whole.width() / (double) img.width();
      double fy = whole.height() / (double) img.height();
      crops.add(Illumination.flatten(lineCrop(whole, new Box(r.x() * fx, r.y() * fy, r.width() * fx, r.height() * fy), scale / fy)));
    }
    List<List<Word>> read = TesseractWords.readBlocks(crops, tessdata.getAbsolutePath(), language, deadlineNanos);
    List<OcrLine> lines = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      List<Word> kept = read.get(i).stream()
          .filter(w -> w.getConfidence() / 100.0 >= minWordConfidence && w.getText().strip().codePoints().anyMatch(Character::isLetterOrDigit))
          .toList();
      List<OcrLine> one = new ArrayList<>();
      addLine(one, kept, 1.0);
      Box r = regions.get(i);
      if (!one.isEmpty()) {
        lines.add(new OcrLine(String.join(" ", one.stream().map(OcrLine::text).toList()), r,
            one.stream().mapToDouble(OcrLine::confidence).average().orElse(0)));
      }
    }
    return lines;
  }

  /** The region with a margin left and right, scaled. */
  private static BufferedImage lineCrop(RgbImage img, Box r, double scale) {
    double margin = 0.25 * r.height();
    int x0 = (int) Math.max(0, Math.floor(r.x() - margin));
    int y0 = (int) Math.max(0, Math.floor(r.y()));
    int x1 = (int) Math.min(img.width(), Math.ceil(r.x() + r.width() + margin));
    int y1 = (int) Math.min(img.height(), Math.ceil(r.y() + r.height()));
    int w = Math.max(1, x1 - x0);
    int h = Math.max(1, y1 - y0);
    BufferedImage crop = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((java.awt.image.DataBufferByte) crop.getRaster().getDataBuffer()).getData();
    byte[] src = img.pixels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int s = ((y0 + y) * img.width() + x0 + x) * 3;
        int d = (y * w + x) * 3;
        dst[d] = src[s + 2];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s];
      }
    }
    return scaled(crop, scale);
  }

  private static boolean sameLine(Rectangle a, Rectangle b) {
    double overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    return overlap > 0.5 * Math.min(a.height, b.height) && b.x >= a.x;
  }

  /**
   * Lines whose words Tesseract is on average less sure of than this, or without a word of three letters,
   * are texture read as letters (fur, foliage), not text.
   */
  static final double MIN_LINE_CONFIDENCE = 0.7;

  /** Rules and box edges Tesseract reads as characters at a word's ends: {@code |DOUBLE}. */
  private static final String STRAY_EDGES = "^[|\\[\\]{}_~]+|[|\\[\\]{}_~]+$";

  private static void addLine(List<OcrLine> lines, List<Word> words, double scale) {
    if (words.isEmpty() || words.stream().noneMatch(w -> w.getText().codePoints().filter(Character::isLetter).count() >= 3)) {
      return;
    }
    Rectangle box = new Rectangle(words.get(0).getBoundingBox());
    double confidence = 0;
    StringBuilder text = new StringBuilder();
    for (Word w : words) {
      box.add(w.getBoundingBox());
      confidence += w.getConfidence() / 100.0;
      text.append(text.length() == 0 ? "" : " ").append(w.getText().strip().replaceAll(STRAY_EDGES, ""));
    }
    double mean = Math.min(1, confidence / words.size());
    if (mean >= MIN_LINE_CONFIDENCE) {
      lines.add(new OcrLine(text.toString(), new Box(box.x / scale, box.y / scale, box.width / scale, box.height / scale), mean));
    }
  }

  private static BufferedImage toBufferedImage(RgbImage img, double scale) {
    BufferedImage full = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((java.awt.image.DataBufferByte) full.getRaster().getDataBuffer()).getData();
    byte[] src = img.pixels();
    for (int i = 0; i < src.length; i += 3) {
      dst[i] = src[i + 2];
      dst[i + 1] = src[i + 1];
      dst[i + 2] = src[i];
    }
    return scale == 1.0 ? full : scaled(full, scale);
  }

  /** The picture scaled by {@code scale}, bicubic, as BGR bytes. */
  private static BufferedImage scaled(BufferedImage img, double scale) {
    int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
