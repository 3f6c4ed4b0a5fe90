package dev.tagger;

import java.util.Objects;

/**
 * Why an item failed.
 *
 * @param stage where it failed: {@code read}, {@code sniff}, {@code decode}, {@code analyze}, {@code timeout},
 *     {@code cancelled}, {@code sink}
 * @param message what failed on which input, fit for a person to read
 */
public record ItemError(String stage, String message) {
  public ItemError {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(message, "message");
  }
}
