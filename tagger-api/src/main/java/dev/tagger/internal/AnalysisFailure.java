package dev.tagger.internal;

/** An item that could not be analyzed, with the stage it failed in; the message names the item. */
public final class AnalysisFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String stage;

  public AnalysisFailure(String stage, String message) {
    super(message);
    this.stage = stage;
  }

  public AnalysisFailure(String stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  /** {@code read}, {@code decode}, {@code analyze}, {@code crash} or {@code memory}. */
  public String stage() {
    return stage;
  }
}
