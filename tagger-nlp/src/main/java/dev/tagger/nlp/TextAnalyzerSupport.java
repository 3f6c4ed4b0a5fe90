package dev.tagger.nlp;

import dev.tagger.MediaKind;
import dev.tagger.TextItem;
import java.util.Set;

/** What the text analyzers share. */
final class TextAnalyzerSupport {
  /** Every kind: photos and videos have file names and OCR text, audio has transcripts. */
  static final Set<MediaKind> ALL_KINDS = Set.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.TEXT);
  static final String FILENAME = "filename";
  static final int EXCERPT = 120;

  private TextAnalyzerSupport() {}

  static boolean isFileName(TextItem t) {
    return t.kind().equals(FILENAME);
  }

  /** Up to {@value #EXCERPT} characters of text around a position, for evidence. */
  static String excerpt(String text, int at) {
    int start = Math.max(0, at - EXCERPT / 2);
    int end = Math.min(text.length(), start + EXCERPT);
    return text.substring(start, end).strip();
  }
}
