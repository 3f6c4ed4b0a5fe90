package dev.tagger.nlp.ocr;

import dev.tagger.Box;
import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.Source;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.Picture;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A line of text read from a picture: its words, its box in the picture's pixels, and how sure the engine is. */
record OcrLine(String text, Box box, double confidence) {
  private static final Logger LOG = LoggerFactory.getLogger(OcrLine.class);

  /** What one picture gave; {@code span} is the frame's instant, null for a still. */
  record Read(@Nullable TimeSpan span, List<OcrLine> lines) {}

  /**
   * An OCR engine: reads one picture, stopping at the deadline ({@link System#nanoTime()}); told whether
   * the picture is a video frame, which an engine may look for text in at a lower resolution, and given the
   * picture at full resolution (the same picture unless a still was decoded reduced) to read what it
   * found at. Boxes are in the picture's pixels.
   */
  interface Engine {
    List<OcrLine> read(RgbImage picture, Supplier<RgbImage> full, boolean videoFrame, long deadlineNanos);
  }

  /**
   * Runs an engine on each of the item's pictures as they come, within {@code limit} of its own reading
   * time for the whole item (pictures that come later are skipped, with a warning), and reports as
   * {@link #output} says. A video frame that is not a new shot ({@link ShotChange}: the same view, or a shot that moved but was read
   * less than a few seconds ago) is not read: it shows what the last frame read showed.
   */
  static FrameAnalyzer.Pass pass(AnalysisInput input, Engine engine, Source source, Duration limit) {
    List<Read> reads = new ArrayList<>();
    ShotChange shots = new ShotChange();
    return new FrameAnalyzer.Pass() {
      private List<OcrLine> last = List.of();
      private long spentNanos; // reading only: the decoder and the other analyzers take their own time between pictures
      private int skipped;
      private int late;

      @Override
      public void look(Picture p) {
        if (late > 0 || spentNanos >= limit.toNanos()) {
          if (late++ == 0) {
            LOG.warn("{}: OCR ({}) stopped at its time limit of {} s after {} pictures", input.media(), source.analyzer(),
                limit.toMillis() / 1000.0, reads.size());
          }
          return;
        }
        if (p.span() != null && !shots.isNewShot(p.image(), p.span().startSeconds())) {
          skipped++;
          reads.add(new Read(p.span(), last));
          return;
        }
        Supplier<RgbImage> full = p.span() == null ? input::fullImage : p::image;
        long start = System.nanoTime();
        last = engine.read(p.image(), full, p.span() != null, start + limit.toNanos() - spentNanos);
        spentNanos += System.nanoTime() - start;
        reads.add(new Read(p.span(), last));
      }

      @Override
      public AnalyzerOutput finish() {
        boolean cutShort = late > 0 || spentNanos >= limit.toNanos(); // the limit passed: later pictures, or later lines, were not read
        if (skipped > 0) {
          LOG.debug("{}: OCR ({}) read {} of {} frames; the others showed the same shot", input.media(), source.analyzer(),
              reads.size() - skipped, reads.size());
        }
        return output(reads, source).withPartial(cutShort);
      }
    };
  }

  /** The lines with their boxes scaled by (fx, fy): from one picture's pixels to another's of the same view. */
  static List<OcrLine> scaled(List<OcrLine> lines, double fx, double fy) {
    if (fx == 1 && fy == 1) {
      return lines;
    }
    return lines.stream().map(l -> new OcrLine(l.text(), new Box(l.box().x() * fx, l.box().y() * fy, l.box().width() * fx,
        l.box().height() * fy), l.confidence())).toList();
  }

  /**
   * What an OCR engine reports for an item: a {@link Category#TEXT} detection per line (box and words as
   * evidence), and the text of each picture as an {@code ocr} text item for the text analyzers, the same
   * text in consecutive frames (see {@link #sameText}) merged into one item spanning them.
   */
  static AnalyzerOutput output(List<Read> reads, Source source) {
    List<Detection> detections = new ArrayList<>();
    List<TextItem> texts = new ArrayList<>();
    TextItem open = null;
    for (Read r : reads) {
      for (OcrLine l : r.lines()) {
        detections.add(new Detection("text", l.confidence(), Category.TEXT, new Evidence(r.span(), l.box(), l.text())));
      }
      String text = String.join("\n", r.lines().stream().map(OcrLine::text).toList());
      if (open != null && (text.isEmpty() || !sameText(open.text(), text))) {
        texts.add(open);
        open = null;
      }
      if (!text.isEmpty()) {
        open = open == null ? new TextItem("ocr", text, r.span(), source) : extend(open, r.span());
      }
    }
    if (open != null) {
      texts.add(open);
    }
    return new AnalyzerOutput(detections, texts);
  }

  /**
   * Whether two frames show the same text: equal once whitespace and case are ignored, or differing in
   * under a fifth of their characters (the same sign read a little differently in the next frame).
   */
  static boolean sameText(String a, String b) {
    String x = a.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    String y = b.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    if (x.equals(y)) {
      return true;
    }
    int longer = Math.max(x.length(), y.length());
    return longer > 0 && editDistance(x, y) < 0.2 * longer;
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1), Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static TextItem extend(TextItem item, @Nullable TimeSpan until) {
    if (item.span() == null || until == null) {
      return item;
    }
    return new TextItem(item.kind(), item.text(), new TimeSpan(item.span().startSeconds(), until.endSeconds()), item.source());
  }
}
