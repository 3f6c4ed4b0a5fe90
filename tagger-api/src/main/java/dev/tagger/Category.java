package dev.tagger;

/** What kind of thing a tag names; rules such as top-K work per category. */
public enum Category {
  OBJECT,
  SCENE,
  FACE,
  TEXT,
  SPEECH,
  SOUND,
  KEYWORD,
  ENTITY,
  LANGUAGE,
  OTHER,
  /** A tag people taught from a few examples. */
  CUSTOM,
  /** A person recognised by their face, once someone named them. */
  PERSON,
  /** An estimate read from a face (an age range, an apparent gender): never an identity, and off by default. */
  ESTIMATE,
  /** A content rating ({@code rating: explicit}, {@code rating: suggestive}) or {@code drawing}: off by default. */
  RATING
}
