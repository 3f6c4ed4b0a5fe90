package dev.tagger.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A gateway in this JVM that speaks the OpenAI chat completions API ({@code POST /v1/chat/completions}, a
 * {@code Bearer} key) and answers with a real model behind it ({@link LocalModels}), and that misbehaves on
 * request: the next requests get the {@link Fault}s queued with {@link #fail}, in order. Every request is kept
 * with its arrival time and headers. For tests, and shipped in the test jar for the CLI's.
 */
public final class InJvmGateway implements AutoCloseable {
  /** How a request is answered instead of well. */
  public enum Fault {
    /** 200 whose body is not JSON. */
    MALFORMED,
    /** 200 whose message content is JSON outside the schema (a confidence of 7). */
    OUTSIDE_SCHEMA,
    /** 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** 500. */
    SERVER_ERROR,
    /** No answer for 3 s, then a good one (too late for a 1 s time-out). */
    STALL
  }

  /** A request as it arrived. */
  public record Received(long nanos, @Nullable String authorization, JsonNode body) {}

  /** What answers a well-formed request: the message content (the model's JSON). */
  public interface Model {
    String reply(JsonNode request);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String key;
  private final Model model;
  private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  private InJvmGateway(String key, Model model) throws IOException {
    this.key = key;
    this.model = model;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** A gateway that wants {@code key} and answers with {@code model}. */
  public static InJvmGateway start(String key, Model model) {
    try {
      return new InJvmGateway(key, model);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL, ending in {@code /v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** The next requests are answered with these faults, one each, in order. */
  public void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in = ex.getRequestBody().readAllBytes();
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      JsonNode body;
      try {
        body = JSON.readTree(in);
      } catch (IOException e) {
        send(ex, 400, "{\"error\":{\"message\":\"request body is not JSON\"}}");
        return;
      }
      received.add(new Received(System.nanoTime(), auth, body));
      if (!ex.getRequestMethod().equals("POST") || !ex.getRequestURI().getPath().equals("/v1/chat/completions")) {
        send(ex, 404, "{\"error\":{\"message\":\"no route " + ex.getRequestURI().getPath() + "\"}}");
        return;
      }
      if (!("Bearer " + key).equals(auth)) { // as real gateways do, the error echoes the key it was given
        String given = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
        send(ex, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + given + "\",\"type\":\"invalid_request_error\"}}");
        return;
      }
      Fault fault = faults.poll();
      if (fault == Fault.TOO_MANY_REQUESTS) {
        ex.getResponseHeaders().add("Retry-After", "1");
        send(ex, 429, "{\"error\":{\"message\":\"rate limit reached\"}}");
        return;
      }
      if (fault == Fault.SERVER_ERROR) {
        send(ex, 500, "{\"error\":{\"message\":\"upstream failed\"}}");
        return;
      }
      if (fault == Fault.MALFORMED) {
        send(ex, 200, "{\"id\": \"chatcmpl-1\", \"choices\": [{\"message\": {\"content\": \"{\\\"tags\\\": [");
        return;
      }
      if (fault == Fault.STALL) {
        try {
          Thread.sleep(3000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String content = fault == Fault.OUTSIDE_SCHEMA ? "{\"tags\": [{\"label\": \"dog\", \"confidence\": 7}], \"caption\": \"A dog.\"}"
          : model.reply(body);
      ObjectNode reply = JSON.createObjectNode().put("id", "chatcmpl-" + received.size()).put("object", "chat.completion")
          .put("model", body.path("model").asText());
      reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
          .putObject("message").put("role", "assistant").put("content", content);
      reply.putObject("usage").put("prompt_tokens", in.length / 4).put("completion_tokens", content.length() / 4)
          .put("total_tokens", in.length / 4 + content.length() / 4);
      send(ex, 200, reply.toString());
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
