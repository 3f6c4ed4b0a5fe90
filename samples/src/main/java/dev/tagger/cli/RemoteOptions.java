package dev.tagger.cli;

import dev.tagger.remote.GatewaySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that reach larger models through an OpenAI-compatible gateway, shared by {@code tag}, {@code watch}
 * and {@code stash tag|watch}. Off unless {@code --remote-url} is given; then {@code remote-vision} and
 * {@code remote-text} join the default analyzers (or run where {@code --analyzers} names them).
 */
final class RemoteOptions {
  @Option(names = "--remote-url", paramLabel = "URL", description = "An OpenAI-compatible gateway's base URL, ending in /v1 "
      + "(APIPark, LiteLLM, Ollama, vLLM, a cloud API); adds remote-vision and remote-text to the default analyzers.")
  @Nullable URI url;

  @Option(names = "--remote-model", paramLabel = "NAME", description = "The model the gateway serves for remote-vision and remote-text.")
  @Nullable String model;

  @Option(names = "--remote-key-file", paramLabel = "FILE", description = "A file whose first line is the gateway's key "
      + "(default: the environment variable TAGGER_REMOTE_KEY; none when unset). The key is never logged or written.")
  @Nullable Path keyFile;

  @Option(names = "--remote-rps", paramLabel = "N", description = "Most requests a second to the gateway (default: ${DEFAULT-VALUE}).")
  double rps = 2;

  @Option(names = "--remote-tpm", paramLabel = "N", description = "Most tokens a minute spent at the gateway, 0 for no limit (default: ${DEFAULT-VALUE}).")
  int tpm = 0;

  @Option(names = "--remote-timeout", paramLabel = "SECONDS", description = "Longest wait for one reply (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds = 60;

  @Option(names = "--remote-retries", paramLabel = "N", description = "Retries of a request that failed for a passing cause "
      + "(429, 5xx, a time-out), after the wait Retry-After names (default: ${DEFAULT-VALUE}).")
  int retries = 3;

  @Option(names = "--remote-budget", paramLabel = "N", description = "Most gateway requests in the run, 0 for no limit; "
      + "once spent, items go on with the local analyzers (default: ${DEFAULT-VALUE}).")
  int budget = 0;

  /** A usage error for these options and the analyzers, or null. */
  @Nullable String problem(List<AnalyzerName> names) {
    boolean named = names.contains(AnalyzerName.REMOTE_VISION) || names.contains(AnalyzerName.REMOTE_TEXT);
    if (named && (url == null || model == null)) {
      return "remote-vision and remote-text need --remote-url URL (ending in /v1) and --remote-model NAME";
    }
    if (url != null && model == null) {
      return "--remote-url needs --remote-model NAME";
    }
    if (url != null) {
      try {
        GatewaySettings.of(url, model, dev.tagger.remote.ApiKey.none()).withLimits(rps, tpm).withBudget(budget);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
      if (timeoutSeconds < 1 || retries < 0) {
        return "--remote-timeout must be at least 1 and --remote-retries not negative";
      }
    }
    return null;
  }

  /** The analyzers to run: as given, or with the remote ones added to the default set when a gateway is configured. */
  List<String> analyzers(List<String> given) {
    if (url == null || !given.equals(List.of(Profile.DEFAULT_ANALYZER_LIST.split(",")))) {
      return given;
    }
    List<String> all = new ArrayList<>(given);
    all.add(AnalyzerName.REMOTE_VISION.id());
    all.add(AnalyzerName.REMOTE_TEXT.id());
    return all;
  }

  /** The gateway for the analysis, its replies kept in {@code CACHE/remote} when there is a cache; null when none is configured. */
  @Nullable RemoteSpec spec(@Nullable Path cache) {
    if (url == null || model == null) {
      return null;
    }
    return new RemoteSpec(url.toString(), model, keyFile == null ? null : keyFile.toAbsolutePath().toString(), rps, tpm, timeoutSeconds,
        retries, budget, cache == null ? null : cache.resolve("remote").toAbsolutePath().toString());
  }
}
