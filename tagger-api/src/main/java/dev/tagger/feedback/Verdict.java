package dev.tagger.feedback;

import java.util.Locale;

/** What a person said about a tag on an item. */
public enum Verdict {
  /** The tag is right: keep it, and it counts as an acceptance for its label. */
  ACCEPT,
  /** The tag is wrong: never put it back on this item, and it counts as a rejection for its label. */
  REJECT,
  /** The tag should be called otherwise, on this item and on every later one. */
  RENAME,
  /** The person added a tag the tagger missed. */
  ADDED;

  /** Reads {@code accept}, {@code reject}, {@code rename} or {@code added}, in any case. */
  public static Verdict parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown verdict '" + s + "'; known: accept, reject, rename, added", e);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
