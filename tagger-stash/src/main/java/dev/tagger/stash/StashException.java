package dev.tagger.stash;

import dev.tagger.TaggerException;

/** Stash refused, failed or could not be reached; the message says which and never holds the API key. */
public final class StashException extends TaggerException {
  private final int status;

  public StashException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public StashException(String message, int status) {
    this(message, status, null);
  }

  /** The HTTP status Stash answered with, or 0 when there was no answer or it was a GraphQL error. */
  public int status() {
    return status;
  }
}
