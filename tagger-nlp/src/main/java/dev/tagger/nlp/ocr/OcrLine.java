package dev.tagger.nlp.ocr;

import dev.tagger.Box;
import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.Source;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.Picture;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A line of text read from a picture: its words, its box in the picture's pixels, and how sure the engine is. */
record OcrLine(String text, Box box, double confidence) {
  /** What one picture gave. */
  record Read(Picture picture, List<OcrLine> lines) {}

  /** Runs an engine on each of the item's pictures and reports as {@link #output} says. */
  static AnalyzerOutput readAll(dev.tagger.spi.AnalysisInput input, java.util.function.Function<dev.tagger.spi.RgbImage, List<OcrLine>> engine, Source source) {
    List<Read> reads = new ArrayList<>();
    for (Picture p : input.pictures()) {
      input.checkCancelled();
      reads.add(new Read(p, engine.apply(p.image())));
    }
    return output(reads, source);
  }

  /**
   * What an OCR engine reports for an item: a {@link Category#TEXT} detection per line (box and words as
   * evidence), and the text of each picture as an {@code ocr} text item for the text analyzers, the same
   * text in consecutive frames merged into one item spanning them.
   */
  static AnalyzerOutput output(List<Read> reads, Source source) {
    List<Detection> detections = new ArrayList<>();
    List<TextItem> texts = new ArrayList<>();
    TextItem open = null;
    for (Read r : reads) {
      for (OcrLine l : r.lines()) {
        detections.add(new Detection("text", l.confidence(), Category.TEXT, new Evidence(r.picture().span(), l.box(), l.text())));
      }
      String text = String.join("\n", r.lines().stream().map(OcrLine::text).toList());
      if (open != null && (text.isEmpty() || !open.text().equals(text))) {
        texts.add(open);
        open = null;
      }
      if (!text.isEmpty()) {
        open = open == null ? new TextItem("ocr", text, r.picture().span(), source) : extend(open, r.picture().span());
      }
    }
    if (open != null) {
      texts.add(open);
    }
    return new AnalyzerOutput(detections, texts);
  }

  private static TextItem extend(TextItem item, @Nullable TimeSpan until) {
    if (item.span() == null || until == null) {
      return item;
    }
    return new TextItem(item.kind(), item.text(), new TimeSpan(item.span().startSeconds(), until.endSeconds()), item.source());
  }
}
