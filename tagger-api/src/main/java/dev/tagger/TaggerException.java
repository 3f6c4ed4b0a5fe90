package dev.tagger;

/** Root of every exception Tagger throws; unchecked, with a message that names the input and the cause. */
public class TaggerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaggerException(String message) {
    super(message);
  }

  public TaggerException(String message, Throwable cause) {
    super(message, cause);
  }
}
