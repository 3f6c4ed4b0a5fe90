package dev.tagger.stash;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where Stash is and how to talk to it: the {@code /graphql} endpoint, the API key (sent as the
 * {@code ApiKey} header) or the plugin's session cookie ({@code name=value}), the per-request timeout, and how many times a
 * request that failed for a passing reason (5xx, 429, a dropped or refused connection, a timeout) is
 * tried in all. {@link #toString()} never shows the key or the cookie.
 */
public record StashConnection(URI graphql, @Nullable String apiKey, @Nullable String sessionCookie, Duration timeout,
    int attempts, Duration firstBackoff) {
  public StashConnection {
    Objects.requireNonNull(graphql, "graphql");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** Stash at a base URL such as {@code http://localhost:9999} (the {@code /graphql} path is added). */
  public static StashConnection of(String baseUrl, @Nullable String apiKey) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    URI uri = URI.create(base.endsWith("/graphql") ? base : base + "/graphql");
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("Stash URL must look like http://host:port, got '" + baseUrl + "'");
    }
    return new StashConnection(uri, apiKey == null || apiKey.isBlank() ? null : apiKey, null, Duration.ofSeconds(30), 5,
        Duration.ofMillis(200));
  }

  public StashConnection withSessionCookie(@Nullable String cookie) {
    return new StashConnection(graphql, apiKey, cookie, timeout, attempts, firstBackoff);
  }

  public StashConnection withRetries(int attempts, Duration firstBackoff) {
    return new StashConnection(graphql, apiKey, sessionCookie, timeout, attempts, firstBackoff);
  }

  public StashConnection withTimeout(Duration timeout) {
    return new StashConnection(graphql, apiKey, sessionCookie, timeout, attempts, firstBackoff);
  }

  @Override
  public String toString() {
    return "Stash at " + graphql + (apiKey != null ? " (API key set)" : "") + (sessionCookie != null ? " (session cookie set)" : "");
  }
}
