package dev.tagger.nlp;

import dev.tagger.MediaKind;
import dev.tagger.spi.Analyzer;
import java.util.Set;

/**
 * An analyzer of an item's texts: it runs after the media analyzers, on every kind of item (photos and
 * videos have file names and OCR text, audio has transcripts, text files have their content).
 */
public interface TextAnalyzer extends Analyzer {
  @Override
  default Set<MediaKind> kinds() {
    return TextAnalyzerSupport.ALL_KINDS;
  }

  @Override
  default boolean readsText() {
    return true;
  }
}
