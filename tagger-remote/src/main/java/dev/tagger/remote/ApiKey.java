package dev.tagger.remote;

import dev.tagger.TaggerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A gateway key, read from an environment variable or a file, that never shows itself: {@link #toString()}
 * names where it came from, never the key, so it cannot reach a log line, a provenance record or an error
 * message by accident. {@link #scrub} removes it from text a gateway sent back. Immutable and thread-safe.
 */
public final class ApiKey {
  /** The environment variable the CLI reads the key from. */
  public static final String ENVIRONMENT = "TAGGER_REMOTE_KEY";

  private final @Nullable String secret;
  private final String origin;

  private ApiKey(@Nullable String secret, String origin) {
    String s = secret == null ? null : secret.replace("\uFEFF", "").strip(); // a key file saved with a byte-order mark
    if (s != null && !s.isEmpty() && !s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new TaggerException("the gateway key from " + origin + " holds a character a header cannot carry "
          + "(a space, a line break or a non-ASCII character); write it on one line");
    }
    this.secret = s == null || s.isEmpty() ? null : s;
    this.origin = origin;
  }

  /** No key: gateways that need none (a local Ollama or vLLM). */
  public static ApiKey none() {
    return new ApiKey(null, "no key");
  }

  /** The key in an environment variable, or no key when it is unset or empty. */
  public static ApiKey fromEnvironment(String variable) {
    Objects.requireNonNull(variable, "variable");
    return new ApiKey(System.getenv(variable), "$" + variable);
  }

  /** The first line of a file; a clear error naming the file (never its content) when it cannot be read or is empty. */
  public static ApiKey fromFile(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
          .orElseThrow(() -> new TaggerException("the key file " + file + " is empty"));
      return new ApiKey(first, "key file " + file);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new TaggerException("cannot read the key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** A key given directly (a program that keeps its own secrets). */
  public static ApiKey of(String secret, String origin) {
    return new ApiKey(Objects.requireNonNull(secret, "secret"), origin);
  }

  boolean present() {
    return secret != null;
  }

  /** The {@code Authorization} header value; only the HTTP request may see it. */
  @Nullable String bearer() {
    return secret == null ? null : "Bearer " + secret;
  }

  /** The text with the key, wherever it occurs, replaced by {@code ***} (a gateway may echo it in an error). */
  public String scrub(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return secret == null || secret.length() < 4 ? text : text.replace(secret, "***");
  }

  @Override
  public String toString() {
    return secret == null ? origin : "key from " + origin;
  }
}
