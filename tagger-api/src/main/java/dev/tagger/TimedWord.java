package dev.tagger;

import java.util.Objects;

/**
 * A word heard in a recording, with when it was said and how sure the recognizer was.
 *
 * @param startSeconds when the word begins, from the start of the item
 * @param endSeconds when it ends
 * @param confidence the recognizer's confidence, 0..1
 */
public record TimedWord(String word, double startSeconds, double endSeconds, double confidence) {
  public TimedWord {
    Objects.requireNonNull(word, "word");
    if (!(endSeconds >= startSeconds)) {
      throw new IllegalArgumentException("word '" + word + "' ends (" + endSeconds + ") before it starts (" + startSeconds + ")");
    }
  }
}
