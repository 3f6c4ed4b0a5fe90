package dev.tagger;

/** What a media item holds, as sniffed from its first bytes (never from its file name). */
public enum MediaKind {
  IMAGE,
  VIDEO,
  AUDIO,
  TEXT,
  /** Content no decoder recognises; such an item fails with a clear error. */
  UNKNOWN
}
