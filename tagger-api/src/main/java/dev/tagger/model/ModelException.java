package dev.tagger.model;

import dev.tagger.TaggerException;

/** A model file is missing and cannot be downloaded, or its bytes are not the ones the catalog names. */
public final class ModelException extends TaggerException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
