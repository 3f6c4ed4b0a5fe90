package dev.tagger.remote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a gateway and how hard to lean on it.
 *
 * @param baseUrl the OpenAI-compatible base URL, ending in {@code /v1}; {@code chat/completions} is asked under it
 * @param model the model name the gateway knows
 * @param key the key, sent as {@code Authorization: Bearer}; never shown
 * @param timeout how long one request may take, connecting and answering
 * @param requestsPerSecond most requests a second this process sends, 0 for no limit
 * @param tokensPerMinute most tokens (prompt and reply) a minute this process spends, 0 for no limit
 * @param retries how many times a request that failed for a passing cause (429, 5xx, a time-out, a dropped
 *     connection) is sent again, with backoff that honours {@code Retry-After}
 * @param firstBackoff the wait before the first retry when the gateway names none; doubled each time
 * @param budget most requests in the run (this process), 0 for no limit; once spent, items go on without the gateway
 * @param cacheDir where replies are kept by content, model and prompt version, or null to keep none
 * @param imageSide the longer side a photo or frame is reduced to before it is sent
 * @param framesPerVideo how many frames of a video are sent, evenly spread
 */
public record GatewaySettings(URI baseUrl, String model, ApiKey key, Duration timeout, double requestsPerSecond, int tokensPerMinute,
    int retries, Duration firstBackoff, int budget, @Nullable Path cacheDir, int imageSide, int framesPerVideo) {
  public GatewaySettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(key, "key");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("remote URL must be an http(s) URL ending in /v1, got " + shown(baseUrl));
    }
    if (model.isBlank()) {
      throw new IllegalArgumentException("remote model must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("remote timeout must be positive, got " + timeout);
    }
    if (!(requestsPerSecond >= 0) || tokensPerMinute < 0 || retries < 0 || budget < 0) {
      throw new IllegalArgumentException("remote limits must not be negative: rps " + requestsPerSecond + ", tpm " + tokensPerMinute
          + ", retries " + retries + ", budget " + budget);
    }
    if (imageSide < 64 || framesPerVideo < 1) {
      throw new IllegalArgumentException("remote image side must be at least 64 and frames per video at least 1, got "
          + imageSide + " and " + framesPerVideo);
    }
  }

  /** The defaults for a gateway and model: a 60 s time-out, 2 requests a second, 3 retries, no budget, no cache. */
  public static GatewaySettings of(URI baseUrl, String model, ApiKey key) {
    return new GatewaySettings(baseUrl, model, key, Duration.ofSeconds(60), 2, 0, 3, Duration.ofSeconds(1), 0, null, 768, 4);
  }

  public GatewaySettings withTimeout(Duration value) {
    return new GatewaySettings(baseUrl, model, key, value, requestsPerSecond, tokensPerMinute, retries, firstBackoff, budget, cacheDir,
        imageSide, framesPerVideo);
  }

  public GatewaySettings withLimits(double rps, int tpm) {
    return new GatewaySettings(baseUrl, model, key, timeout, rps, tpm, retries, firstBackoff, budget, cacheDir, imageSide, framesPerVideo);
  }

  public GatewaySettings withRetries(int value, Duration backoff) {
    return new GatewaySettings(baseUrl, model, key, timeout, requestsPerSecond, tokensPerMinute, value, backoff, budget, cacheDir,
        imageSide, framesPerVideo);
  }

  public GatewaySettings withBudget(int requests) {
    return new GatewaySettings(baseUrl, model, key, timeout, requestsPerSecond, tokensPerMinute, retries, firstBackoff, requests, cacheDir,
        imageSide, framesPerVideo);
  }

  public GatewaySettings withCache(@Nullable Path dir) {
    return new GatewaySettings(baseUrl, model, key, timeout, requestsPerSecond, tokensPerMinute, retries, firstBackoff, budget, dir,
        imageSide, framesPerVideo);
  }

  /** The chat completions endpoint under the base URL. */
  URI endpoint() {
    String base = baseUrl.toString();
    return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
  }

  /** The gateway as provenance and messages name it: scheme, host, port and path, never a user, password or query. */
  public String gateway() {
    return shown(baseUrl);
  }

  private static String shown(URI uri) {
    String host = uri.getHost() == null ? "?" : uri.getHost();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + host + port + path;
  }

  @Override
  public String toString() {
    return "GatewaySettings[" + gateway() + ", model " + model + ", " + key + ", timeout " + timeout + ", rps " + requestsPerSecond
        + ", tpm " + tokensPerMinute + ", retries " + retries + ", budget " + budget + "]";
  }
}
