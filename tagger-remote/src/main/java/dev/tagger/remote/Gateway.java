package dev.tagger.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway as the remote analyzers share it: the key, the rate limits, the retries, the response cache and
 * the run's request budget. A reply comes back checked against the schema ({@link RemoteReply}); anything else
 * comes back as the reason the analyzer could not look this time, and the item keeps its local tags.
 * <ul>
 *   <li>429, 5xx, a time-out or a dropped connection is retried up to {@link GatewaySettings#retries} times, after
 *       the wait the gateway names in {@code Retry-After} (seconds or a date) or else a doubling backoff;</li>
 *   <li>a refused key (401, 403), or no such endpoint or model (404), turns the gateway off for the rest of the run;</li>
 *   <li>a gateway that cannot be reached is left alone for {@link #DOWN_PAUSE}, then tried again with one request;</li>
 *   <li>a malformed reply, or one outside the schema, fails that item's look and is not cached.</li>
 * </ul>
 * Each of these is logged once as a warning, then at debug. The key is only ever in the request's header: messages
 * name where it came from, and text the gateway sends back is scrubbed of it. Thread-safe; share one per run.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long a gateway that could not be reached is left alone before it is tried again. */
  static final Duration DOWN_PAUSE = Duration.ofSeconds(60);
  /** The longest {@code Retry-After} waited out; a longer one fails the item's look at once. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  /** The longest reply read; a longer one is a failure, not a heap's worth of text. */
  static final int MAX_REPLY_BYTES = 4 << 20;
  private final GatewaySettings settings;
  private final RateLimiter.Clock clock;
  private final RateLimiter limits;
  private final HttpClient http;
  private final @Nullable ResponseCache cache;
  private final AtomicInteger sent = new AtomicInteger();
  private final Set<String> announced = ConcurrentHashMap.newKeySet();
  private volatile boolean keyRefused;
  private volatile boolean notFound;
  private volatile long downUntil;
  private volatile boolean everDown;
  private final java.util.concurrent.atomic.AtomicBoolean probe = new java.util.concurrent.atomic.AtomicBoolean();

  public Gateway(GatewaySettings settings) {
    this(settings, RateLimiter.Clock.SYSTEM);
  }

  Gateway(GatewaySettings settings, RateLimiter.Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.limits = new RateLimiter(settings.requestsPerSecond(), settings.tokensPerMinute(), clock);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? settings.timeout() : Duration.ofSeconds(10)).build();
    this.cache = settings.cacheDir() == null ? null : new ResponseCache(settings.cacheDir());
  }

  public GatewaySettings settings() {
    return settings;
  }

  /** The model's checked reply, or why there is none this time; with what asking cost either way. */
  record Answer(@Nullable RemoteReply reply, @Nullable String unavailable, Map<String, Long> usage) {}

  /**
   * Asks the model once for one item (retrying as described above).
   *
   * @param cacheKey the request's key in the response cache ({@link ResponseCache#key})
   * @param body the chat completions request, without the model (added here)
   * @param estimatedTokens what the request is expected to spend, for the tokens-a-minute limit
   * @param frames how many frames were sent, for the schema's frame numbers
   * @throws CancellationException when the thread is interrupted while waiting
   */
  Answer ask(String cacheKey, ObjectNode body, long estimatedTokens, int frames) {
    Map<String, Long> usage = new TreeMap<>();
    if (cache != null) {
      var kept = cache.get(cacheKey, frames);
      if (kept.isPresent()) {
        usage.put("cached", 1L);
        return new Answer(kept.get(), null, usage);
      }
    }
    if (keyRefused) {
      return new Answer(null, "gateway refused the key", usage);
    }
    if (notFound) {
      return new Answer(null, "gateway has no such endpoint or model", usage);
    }
    boolean probing = everDown;
    if (probing && (clock.nanos() - downUntil < 0 || !probe.compareAndSet(false, true))) {
      return new Answer(null, "gateway unreachable", usage); // left alone, or another thread is asking whether it is back
    }
    try {
      return send(cacheKey, body, estimatedTokens, frames, usage, probing);
    } finally {
      if (probing) {
        probe.set(false);
      }
    }
  }

  private Answer send(String cacheKey, ObjectNode body, long estimatedTokens, int frames, Map<String, Long> usage, boolean probing) {
    byte[] request = requestBytes(body);
    String last = "";
    int attempts = probing ? 1 : settings.retries() + 1;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (!takeFromBudget()) {
        announce("budget", "the run's budget of {} gateway requests is spent; items go on with local analyzers", settings.budget());
        return new Answer(null, "request budget of " + settings.budget() + " spent", usage);
      }
      Duration wait;
      try {
        RateLimiter.Entry booked = limits.acquire(estimatedTokens);
        usage.merge("requests", 1L, Long::sum);
        HttpResponse<java.io.InputStream> streamed = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofInputStream());
        int status = streamed.statusCode();
        String text = bounded(streamed.body());
        if (text == null) {
          usage.merge("failures", 1L, Long::sum);
          return new Answer(null, "the reply is larger than " + (MAX_REPLY_BYTES >> 20) + " MB", usage);
        }
        everDown = false; // it answered: reachable again, whatever it said
        if (status >= 200 && status < 300) {
          return answered(text, frames, booked, usage, cacheKey);
        }
        usage.merge("failures", 1L, Long::sum);
        if (status == 401 || status == 403) {
          keyRefused = true;
          announce("key", "gateway {} refused the key (HTTP {}, {}); remote analyzers are off for the rest of the run",
              settings.gateway(), status, settings.key());
          return new Answer(null, "gateway refused the key", usage);
        }
        if (status == 404) { // no such endpoint or model: every request would get the same
          notFound = true;
          announce("404", "gateway {} has no {} or no model {} (HTTP 404: {}); remote analyzers are off for the rest of the run",
              settings.gateway(), settings.endpoint().getPath(), settings.model(), shortText(text));
          return new Answer(null, "gateway has no such endpoint or model", usage);
        }
        last = "HTTP " + status;
        if (status != 429 && status != 408 && status < 500) {
          String why = "gateway answered HTTP " + status + ": " + shortText(text);
          announce("http" + status, "{}", why);
          return new Answer(null, why, usage);
        }
        wait = retryAfter(streamed).orElse(backoff(attempt));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
          return new Answer(null, "gateway asked to wait " + wait.toSeconds() + " s", usage);
        }
      } catch (HttpConnectTimeoutException | ConnectException e) {
        usage.merge("failures", 1L, Long::sum);
        last = "unreachable";
        wait = backoff(attempt);
      } catch (HttpTimeoutException e) {
        usage.merge("failures", 1L, Long::sum);
        last = "no answer within " + settings.timeout().toSeconds() + " s";
        wait = backoff(attempt);
      } catch (IOException e) {
        usage.merge("failures", 1L, Long::sum);
        last = unreachable(e) ? "unreachable" : "connection failed (" + e.getClass().getSimpleName() + ")";
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while asking the gateway");
      }
      if (attempt < attempts) {
        sleep(wait);
      }
    }
    if (last.equals("unreachable")) {
      everDown = true;
      downUntil = clock.nanos() + DOWN_PAUSE.toNanos();
      announce("down", "gateway {} is unreachable; the run goes on with local analyzers (asking again in {} s)",
          settings.gateway(), DOWN_PAUSE.toSeconds());
      return new Answer(null, "gateway unreachable", usage);
    }
    String why = last + " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    announce("gave-up", "gateway {}: {}", settings.gateway(), why);
    return new Answer(null, why, usage);
  }

  /** The reply's text, read on this thread up to {@link #MAX_REPLY_BYTES}; null when it is longer. */
  private static @Nullable String bounded(java.io.InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_REPLY_BYTES + 1);
      return bytes.length > MAX_REPLY_BYTES ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Counts one request against the run's budget; false when it is spent. */
  private boolean takeFromBudget() {
    while (true) {
      int n = sent.get();
      if (settings.budget() > 0 && n >= settings.budget()) {
        return false;
      }
      if (sent.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Requests sent so far in this process. */
  int sent() {
    return sent.get();
  }

  private Answer answered(String body, int frames, RateLimiter.Entry booked, Map<String, Long> usage, String cacheKey) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (IOException e) {
      usage.merge("failures", 1L, Long::sum);
      announce("malformed", "gateway {} sent a reply that is not JSON", settings.gateway());
      return new Answer(null, "malformed reply (not JSON)", usage);
    }
    long in = envelope.path("usage").path("prompt_tokens").asLong(0);
    long out = envelope.path("usage").path("completion_tokens").asLong(0);
    booked.spent(in + out > 0 ? in + out : booked.tokens);
    usage.merge("tokens_in", in, Long::sum);
    usage.merge("tokens_out", out, Long::sum);
    JsonNode content = envelope.path("choices").path(0).path("message").path("content");
    try {
      if (!content.isTextual()) {
        throw new RemoteReply.ReplyException("schema", "the reply has no choices[0].message.content");
      }
      RemoteReply reply = RemoteReply.parse(content.asText(), frames);
      if (cache != null) {
        cache.put(cacheKey, reply);
      }
      return new Answer(reply, null, usage);
    } catch (RemoteReply.ReplyException e) {
      usage.merge("failures", 1L, Long::sum);
      String why = settings.key().scrub((e.cause.equals("malformed") ? "malformed reply: " : "reply outside the schema: ") + e.getMessage());
      announce(e.cause, "gateway {} model {}: {}", settings.gateway(), settings.model(), why);
      return new Answer(null, why, usage);
    }
  }

  private HttpRequest httpRequest(byte[] body) {
    try {
      return buildRequest(body);
    } catch (IllegalArgumentException e) { // its message would hold the header's value: never show it
      throw new dev.tagger.TaggerException("the gateway key from " + settings.key() + " cannot be sent as a header");
    }
  }

  private HttpRequest buildRequest(byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.timeout())
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    String bearer = settings.key().bearer();
    if (bearer != null) {
      b.header("Authorization", bearer);
    }
    return b.build();
  }

  private byte[] requestBytes(ObjectNode body) {
    ObjectNode withModel = JSON.createObjectNode().put("model", settings.model());
    withModel.setAll(body);
    try {
      return JSON.writeValueAsBytes(withModel);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Duration backoff(int attempt) {
    return settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
  }

  /** The wait a response names in {@code Retry-After}: seconds, or an HTTP date. */
  static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(String::strip).flatMap(v -> {
      try {
        return java.util.Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000))));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
          return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (java.time.format.DateTimeParseException neither) {
          return java.util.Optional.empty();
        }
      }
    });
  }

  private void sleep(Duration d) {
    try {
      clock.sleep(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting to ask the gateway again");
    }
  }

  private static boolean unreachable(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private String shortText(@Nullable String body) {
    String s = settings.key().scrub(body).replaceAll("\\s+", " ").strip();
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** Logs a condition once as a warning, then at debug. */
  private void announce(String condition, String format, Object... args) {
    if (announced.add(condition)) {
      LOG.warn(format, args);
    } else {
      LOG.debug(format, args);
    }
  }
}
