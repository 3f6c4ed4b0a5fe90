package dev.tagger;

/** A media item could not be read or decoded: missing, empty, truncated, corrupt or of a kind nobody handles. */
public class MediaException extends TaggerException {
  private static final long serialVersionUID = 1L;

  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
