package dev.tagger.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON form of a {@link Feedback}, one object a line: {@code sha256}, {@code path}, {@code tag},
 * {@code verdict} ({@code accept}, {@code reject}, {@code rename}, {@code added}), {@code renameTo},
 * {@code confidence}, {@code origin}, {@code at} (ISO-8601). The store keeps this form and exports it;
 * {@code tagger feedback import} reads it.
 */
public final class FeedbackJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private FeedbackJson() {}

  public static String toJson(Feedback f) {
    ObjectNode o = MAPPER.createObjectNode().put("sha256", f.sha256());
    if (f.path() != null) {
      o.put("path", f.path());
    }
    o.put("tag", f.tag()).put("verdict", f.verdict().id());
    if (f.renameTo() != null) {
      o.put("renameTo", f.renameTo());
    }
    if (f.confidence() != null) {
      o.put("confidence", f.confidence());
    }
    return o.put("origin", f.origin()).put("at", f.at().toString()).toString();
  }

  /**
   * Reads one line. A line without {@code sha256} must name the item by {@code path}; the caller resolves
   * it ({@link #parse(JsonNode, String, String)}).
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static JsonNode tree(String line) {
    try {
      JsonNode n = MAPPER.readTree(line);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
  }

  /** A correction from a parsed line, with the item's hash given (read from the line or from its file). */
  public static Feedback parse(JsonNode n, String sha256, String defaultOrigin) {
    String tag = n.path("tag").asText("");
    if (tag.isBlank()) {
      throw new IllegalArgumentException("no \"tag\"");
    }
    if (!n.hasNonNull("verdict")) {
      throw new IllegalArgumentException("no \"verdict\" (accept, reject, rename or added)");
    }
    Verdict verdict = Verdict.parse(n.get("verdict").asText());
    Double confidence = n.hasNonNull("confidence") ? n.get("confidence").asDouble() : null;
    Instant at;
    try {
      at = n.hasNonNull("at") ? Instant.parse(n.get("at").asText()) : Instant.now();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"at\" is not an ISO-8601 instant: " + n.get("at").asText());
    }
    return new Feedback(sha256, n.hasNonNull("path") ? n.get("path").asText() : null, tag, verdict,
        n.hasNonNull("renameTo") ? n.get("renameTo").asText() : null, confidence, n.path("origin").asText(defaultOrigin), at);
  }

  static Feedback fromJson(String line) {
    JsonNode n = tree(line);
    return parse(n, n.path("sha256").asText(""), "file");
  }
}
