package dev.tagger.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A run report as one self-contained HTML page: every number in a table (written here, so the page reads
 * without scripts), two bar charts drawn by uPlot (MIT, inlined from its webjar: no network), and the
 * report's JSON embedded as {@code <script id="report" type="application/json">}.
 */
final class ReportHtml {
  static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

  private ReportHtml() {}

  static String render(ObjectNode report) {
    StringBuilder h = new StringBuilder(256 * 1024);
    JsonNode run = report.path("run");
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tagger run report</title>\n<style>")
        .append(resource("uPlot.min.css"))
        .append("\nbody{font:14px system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
            + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right}"
            + ".cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:8px 14px}.card b{display:block;font-size:20px}"
            + "</style></head><body>\n");
    h.append("<h1>Tagger run report</h1>\n<p>Started ").append(esc(run.path("started").asText())).append(", ")
        .append(num(run.path("seconds"))).append(" s.</p>\n<div class=\"cards\">");
    card(h, "items", run.path("items"));
    card(h, "items-per-second", run.path("items_per_second"));
    report.path("outcomes").fields().forEachRemaining(e -> card(h, e.getKey(), e.getValue()));
    card(h, "review-tags", report.path("review_queue").path("tags"));
    h.append("</div>\n");

    h.append("<h2>Items by kind</h2>\n<table id=\"kinds\"><tr><th>kind</th><th>items</th></tr>");
    report.path("items_by_kind").fields().forEachRemaining(e -> row(h, e.getKey(), num(e.getValue())));
    h.append("</table>\n");

    h.append("<h2>Where the time went</h2>\n<p>Wall time in each analyzer and in decoding, summed over the items analyzed in this run "
        + "(decoding video runs beside the analyzers).</p>\n<div id=\"time-chart\"></div>\n"
        + "<table id=\"time\"><tr><th>analyzer</th><th>ms</th><th>share</th></tr>");
    for (JsonNode t : report.path("analyzer_time")) {
      row(h, t.path("analyzer").asText(), num(t.path("ms")), String.format(Locale.ROOT, "%.1f%%", t.path("share").asDouble() * 100));
    }
    h.append("</table>\n");

    h.append("<h2>Labels applied to most items</h2>\n<div id=\"labels-chart\"></div>\n<table id=\"labels\"><tr><th>label</th><th>items</th></tr>");
    for (JsonNode t : report.path("top_labels")) {
      row(h, t.path("label").asText(), num(t.path("items")));
    }
    h.append("</table>\n");

    JsonNode review = report.path("review_queue");
    h.append("<h2>Review queue</h2>\n<p id=\"review\"><b>").append(num(review.path("tags"))).append("</b> tags on <b>")
        .append(num(review.path("items"))).append("</b> items wait for a person's answer.</p>\n");

    h.append("<h2>Failures</h2>\n<table id=\"failures\"><tr><th>stage</th><th>items</th><th>examples</th></tr>");
    for (JsonNode f : report.path("failures")) {
      StringBuilder ex = new StringBuilder();
      for (JsonNode e : f.path("examples")) {
        ex.append("<div>").append(esc(e.path("message").asText())).append("</div>");
      }
      h.append("<tr><td>").append(esc(f.path("stage").asText())).append("</td><td class=\"n\">").append(num(f.path("count")))
          .append("</td><td>").append(ex).append("</td></tr>");
    }
    h.append("</table>\n");

    if (!report.path("gateway").isEmpty()) {
      h.append("<h2>Gateway</h2>\n<p>Requests to the remote models (retries included), the tokens they spent, the requests that failed, "
          + "replies taken from the response cache, and the items that went on without the remote analyzer.</p>\n"
          + "<table id=\"gateway\"><tr><th>analyzer</th><th>requests</th><th>tokens in</th><th>tokens out</th><th>failures</th>"
          + "<th>cached</th><th>items without</th></tr>");
      report.path("gateway").fields().forEachRemaining(e -> row(h, e.getKey(), num(e.getValue().path("requests")),
          num(e.getValue().path("tokens_in")), num(e.getValue().path("tokens_out")), num(e.getValue().path("failures")),
          num(e.getValue().path("cached")), num(e.getValue().path("items_without"))));
      h.append("</table>\n");
    }
    h.append("<h2>Models</h2>\n<table id=\"models\"><tr><th>analyzer</th><th>model</th><th>version</th></tr>");
    for (JsonNode m : report.path("models")) {
      row(h, m.path("analyzer").asText(), m.path("model").asText(), m.path("version").asText());
    }
    h.append("</table>\n<h2>Settings</h2>\n<table id=\"settings\"><tr><th>setting</th><th>value</th></tr>");
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) report.path("settings")::fields) {
      row(h, e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
    }
    h.append("</table>\n");

    h.append("<script id=\"report\" type=\"application/json\">").append(report.toString().replace("<", "\\u003c")).append("</script>\n<script>")
        .append(resource("uPlot.iife.min.js")).append("\n</script>\n<script>").append(CHARTS).append("</script>\n</body></html>\n");
    return h.toString();
  }

  /** Bar charts of the time shares and the top labels, from the embedded JSON. */
  private static final String CHARTS = """
      (function () {
        var report = JSON.parse(document.getElementById('report').textContent);
        function bars(el, names, values, label, color) {
          if (!names.length) { return; }
          var xs = names.map(function (_, i) { return i; });
          new uPlot({
            width: Math.min(1000, 80 + 40 * names.length), height: 260, legend: {show: false}, cursor: {show: false},
            scales: {x: {time: false, range: [-0.5, names.length - 0.5]}},
            axes: [{values: function (u, ticks) { return ticks.map(function (t) { return names[t] === undefined ? '' : names[t]; }); },
                    splits: function () { return xs; }, rotate: -45, size: 90},
                   {label: label}],
            series: [{}, {label: label, fill: color, stroke: color, paths: uPlot.paths.bars({size: [0.7, 60]}), points: {show: false}}]
          }, [xs, values], document.getElementById(el));
        }
        bars('time-chart', report.analyzer_time.map(function (t) { return t.analyzer; }),
             report.analyzer_time.map(function (t) { return Math.round(t.share * 1000) / 10; }), 'share of time, %', '#4477aa');
        bars('labels-chart', report.top_labels.map(function (t) { return t.label; }),
             report.top_labels.map(function (t) { return t.items; }), 'items', '#66aa55');
        document.body.setAttribute('data-charts', 'drawn');
      })();
      """;

  private static void card(StringBuilder h, String name, JsonNode value) {
    h.append("<div class=\"card\" id=\"card-").append(esc(name)).append("\">").append(esc(name.replace('-', ' '))).append("<b>").append(num(value))
        .append("</b></div>");
  }

  private static final String NUMBER = "-?[0-9]+(\\.[0-9]+)?%?";

  private static void row(StringBuilder h, String... cells) {
    h.append("<tr>");
    for (int i = 0; i < cells.length; i++) {
      h.append(i > 0 && cells[i].matches(NUMBER) ? "<td class=\"n\">" : "<td>").append(esc(cells[i])).append("</td>");
    }
    h.append("</tr>");
  }

  private static String num(JsonNode n) {
    return n.isIntegralNumber() ? String.valueOf(n.asLong()) : n.isNumber() ? String.valueOf(n.asDouble()) : esc(n.asText());
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(UPLOT + name)) {
      if (in == null) {
        throw new IllegalStateException("uPlot's " + name + " is missing from the classpath (the org.webjars.npm:uplot jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
