package dev.tagger.cli.watch;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A worker's Prometheus scrape endpoint: {@code GET /metrics} answers the registry's meters in Prometheus'
 * text format (the tagger's counters and timers, {@link dev.tagger.sink.MetricsSink}, and the worker's
 * queue and state, {@link WatchStatus#bind}). Served by the JDK's own HTTP server on one thread.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Serves on {@code [HOST:]PORT} (host 127.0.0.1 unless given; port 0 picks a free one). */
  public static MetricsEndpoint start(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? "127.0.0.1" : address.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--metrics " + address + ": not [HOST:]PORT", e);
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
      MetricsEndpoint endpoint = new MetricsEndpoint(server);
      server.createContext("/metrics", exchange -> {
        try (exchange) {
          if (!exchange.getRequestMethod().equals("GET")) {
            exchange.sendResponseHeaders(405, -1);
            return;
          }
          byte[] body = endpoint.registry.scrape().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      });
      server.setExecutor(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tagger-metrics");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return endpoint;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage(), e);
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    registry.close();
  }
}
