package dev.tagger;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of text belonging to an item: words read from pixels, a transcript, the file name, a title.
 * Text analyzers run on these after the media analyzers.
 *
 * @param kind where the text came from, e.g. {@code ocr}, {@code transcript}, {@code filename}, {@code title}
 * @param span where in the media it was seen or heard, if anywhere
 * @param source the analyzer that produced it; absent for text the item brought with it
 * @param words for a transcript, each word with its time; empty otherwise
 */
public record TextItem(String kind, String text, @Nullable TimeSpan span, @Nullable Source source, List<TimedWord> words) {
  public TextItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    words = words == null ? List.of() : List.copyOf(words);
  }

  public TextItem(String kind, String text, @Nullable TimeSpan span, @Nullable Source source) {
    this(kind, text, span, source, List.of());
  }
}
