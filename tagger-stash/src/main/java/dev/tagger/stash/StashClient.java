package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends our GraphQL documents ({@link GraphQlDocuments}) to Stash over the JDK's HttpClient, with Jackson.
 * A request that fails for a passing reason (HTTP 5xx or 429, a refused, dropped or timed-out
 * connection) is tried again after an exponential, jittered backoff, up to the connection's attempts;
 * 401 and 403 fail at once with a message about the API key; GraphQL errors fail with Stash's messages.
 * The API key goes only into the {@code ApiKey} header: never into logs or exceptions. Thread-safe.
 */
public final class StashClient {
  private static final Logger LOG = LoggerFactory.getLogger(StashClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StashConnection connection;
  private final HttpClient http;
  private final AtomicLong requests = new AtomicLong();

  public StashClient(StashConnection connection) {
    this.connection = connection;
    this.http = HttpClient.newBuilder().connectTimeout(connection.timeout()).build();
  }

  /**
   * Asked before a write is tried again: whether an earlier attempt took effect although its answer was
   * lost (Stash committed, then the connection or the server failed). Returns what the write would have
   * answered, or null to send it again.
   */
  @FunctionalInterface
  public interface AlreadyDone {
    @org.jspecify.annotations.Nullable JsonNode check();
  }

  /** Runs the named document with variables and returns its {@code data}. */
  public JsonNode execute(String document, Map<String, ?> variables) {
    return execute(document, variables, () -> null);
  }

  /**
   * Runs a write that must happen once (creating a marker, a tag): before each retry {@code alreadyDone}
   * reads back whether an earlier attempt took effect, and if it did, that is the answer.
   */
  public JsonNode execute(String document, Map<String, ?> variables, AlreadyDone alreadyDone) {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", GraphQlDocuments.get(document));
    body.set("variables", JSON.valueToTree(variables));
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new StashException(document + ": cannot encode the variables: " + e.getMessage(), 0, e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(connection.graphql())
        .timeout(connection.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (connection.apiKey() != null) {
      request.header("ApiKey", connection.apiKey());
    }
    if (connection.sessionCookie() != null) {
      request.header("Cookie", connection.sessionCookie());
    }
    return send(document, request.build(), alreadyDone);
  }

  /**
   * Runs a bulk tag document (variables {@code ids} and {@code tag_ids}, e.g. {@link StashItem.Kind#removeTags})
   * over the items in batches of at most {@code batchSize}.
   */
  public void bulkTags(String document, java.util.List<String> ids, java.util.List<String> tagIds, int batchSize) {
    for (int i = 0; i < ids.size(); i += batchSize) {
      execute(document, Map.of("ids", ids.subList(i, Math.min(ids.size(), i + batchSize)), "tag_ids", tagIds));
    }
  }

  /** Most bytes {@link #download} takes: a performer's picture, not a video. */
  static final int MAX_DOWNLOAD = 32 << 20;

  /**
   * Fetches a file Stash serves (a performer's image: {@code image_path}), with this connection's
   * credentials. Only URLs on this Stash are fetched, so an API key never goes elsewhere.
   */
  public byte[] download(String url) {
    java.net.URI uri = java.net.URI.create(url);
    java.net.URI base = connection.graphql();
    if (!java.util.Objects.equals(uri.getHost(), base.getHost()) || uri.getPort() != base.getPort()
        || !java.util.Objects.equals(uri.getScheme(), base.getScheme())) {
      throw new StashException(url + ": not on this Stash (" + base.resolve("/") + "); not fetched", 0);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(connection.timeout()).GET();
    if (connection.apiKey() != null) {
      request.header("ApiKey", connection.apiKey());
    }
    if (connection.sessionCookie() != null) {
      request.header("Cookie", connection.sessionCookie());
    }
    requests.incrementAndGet();
    try {
      HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new StashException(url + ": Stash answered HTTP " + response.statusCode(), response.statusCode());
        }
        byte[] bytes = in.readNBytes(MAX_DOWNLOAD + 1);
        if (bytes.length > MAX_DOWNLOAD) {
          throw new StashException(url + ": larger than " + (MAX_DOWNLOAD >> 20) + " MB; not an image of a performer", 0);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new StashException(url + ": " + describe(e), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StashException(url + ": interrupted", 0, e);
    }
  }

  private JsonNode send(String document, HttpRequest request, AlreadyDone alreadyDone) {
    String what = document + " at " + connection.graphql();
    StashException last = null;
    for (int attempt = 1; attempt <= connection.attempts(); attempt++) {
      if (attempt > 1) {
        backoff(attempt, what, last);
        JsonNode done = alreadyDone.check();
        if (done != null) {
          LOG.debug("{}: an earlier attempt took effect; not sent again", what);
          return done;
        }
      }
      requests.incrementAndGet();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        last = new StashException(what + ": " + describe(e), 0, e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StashException(what + ": interrupted", 0, e);
      }
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        throw new StashException(what + ": Stash refused the request (HTTP " + status + "): "
            + (connection.apiKey() == null ? "it needs an API key" : "the API key is wrong or lacks rights"), status);
      }
      if (status >= 500 || status == 429) {
        last = new StashException(what + ": Stash answered HTTP " + status, status);
        continue;
      }
      if (status != 200) {
        throw new StashException(what + ": Stash answered HTTP " + status + ": " + snippet(response.body()), status);
      }
      return data(what, response.body());
    }
    throw new StashException(last.getMessage() + " (gave up after " + connection.attempts() + " attempts)", last.status(), last);
  }

  private JsonNode data(String what, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new StashException(what + ": the answer is not JSON: " + snippet(body), 0, e);
    }
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      StringBuilder messages = new StringBuilder();
      for (JsonNode e : errors) {
        messages.append(messages.length() == 0 ? "" : "; ").append(e.path("message").asText("?"));
      }
      throw new StashException(what + ": Stash reported: " + messages, 0);
    }
    JsonNode data = root.path("data");
    if (data.isMissingNode() || data.isNull()) {
      throw new StashException(what + ": the answer holds no data: " + snippet(body), 0);
    }
    return data;
  }

  private void backoff(int attempt, String what, StashException why) {
    long base = connection.firstBackoff().toMillis() << Math.min(10, attempt - 2);
    long millis = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    LOG.debug("{}: attempt {} of {} in {} ms after: {}", what, attempt, connection.attempts(), millis, why.getMessage());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StashException(what + ": interrupted", 0, e);
    }
  }

  private static String describe(IOException e) {
    String type = e instanceof java.net.http.HttpTimeoutException ? "timed out" : e instanceof java.net.ConnectException ? "cannot connect" : "connection failed";
    return type + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }

  private static String snippet(byte[] body) {
    String s = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** HTTP requests sent so far, retries included. */
  public long requests() {
    return requests.get();
  }

  public StashConnection connection() {
    return connection;
  }

  /** How long requests wait for Stash. */
  public Duration timeout() {
    return connection.timeout();
  }
}
