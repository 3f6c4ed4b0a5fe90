package dev.tagger.cli;

import dev.tagger.remote.ApiKey;
import dev.tagger.remote.GatewaySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The gateway part of an {@link AnalysisSpec}, as it travels to worker processes: where the key is (a file, else
 * {@code $TAGGER_REMOTE_KEY}, which workers inherit), never the key itself.
 *
 * @param keyFile a file whose first line is the key, or null for the environment variable
 * @param cache the folder of kept replies, or null for none
 */
record RemoteSpec(String url, String model, @Nullable String keyFile, double requestsPerSecond, int tokensPerMinute, int timeoutSeconds,
    int retries, int budget, @Nullable String cache) {

  /** The gateway's settings; the key is read here, in the process that will send it. */
  GatewaySettings settings() {
    ApiKey key = keyFile == null ? ApiKey.fromEnvironment(ApiKey.ENVIRONMENT) : ApiKey.fromFile(Path.of(keyFile));
    return GatewaySettings.of(URI.create(url), model, key).withTimeout(Duration.ofSeconds(timeoutSeconds))
        .withLimits(requestsPerSecond, tokensPerMinute).withRetries(retries, Duration.ofSeconds(1)).withBudget(budget)
        .withCache(cache == null ? null : Path.of(cache));
  }

  /**
   * Each of {@code workers} processes' share of the limits and the budget, so that together they keep to them: shares
   * are rounded down but never to 0, so a budget smaller than the number of workers gives each one request. A worker
   * that is replaced (after a crash) starts its share afresh.
   */
  RemoteSpec share(int workers) {
    if (workers <= 1) {
      return this;
    }
    int tpm = tokensPerMinute == 0 ? 0 : Math.max(1, tokensPerMinute / workers); // 0 would mean no limit at all
    return new RemoteSpec(url, model, keyFile, requestsPerSecond / workers, tpm, timeoutSeconds, retries,
        budget == 0 ? 0 : Math.max(1, budget / workers), cache);
  }
}
