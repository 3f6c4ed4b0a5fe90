package dev.tagger.rules;

import dev.tagger.TaggerException;

/** A rules file is unreadable or invalid; the message names the file, the field and the problem. */
public final class RuleFileException extends TaggerException {
  private static final long serialVersionUID = 1L;

  RuleFileException(String message) {
    super(message);
  }

  RuleFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
