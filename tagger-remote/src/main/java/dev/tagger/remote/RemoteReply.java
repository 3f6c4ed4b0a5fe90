package dev.tagger.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a remote model answered, once it passed the schema: tags with confidence, a one-sentence caption and, for
 * long text, a summary. {@link #parse} is the schema: the reply must be one JSON object (a Markdown code fence
 * around it is taken off), {@code tags} an array of at most {@value #MAX_TAGS} objects each with a {@code label}
 * of 1 to {@value #MAX_LABEL} characters and a {@code confidence} in [0, 1], an optional {@code kind} from
 * {@link #KINDS} and, for frames, {@code frames} numbered from 1 (numbers past the frames sent are dropped, and a
 * photo's are ignored); {@code caption} and {@code summary} strings of
 * bounded length. Anything else is a {@link ReplyException} that says which field broke which rule.
 */
record RemoteReply(List<RemoteTag> tags, String caption, String summary) {
  static final int MAX_TAGS = 40;
  static final int MAX_LABEL = 64;
  static final int MAX_CAPTION = 400;
  static final int MAX_SUMMARY = 2000;
  static final Set<String> KINDS = Set.of("object", "scene", "activity", "text", "other", "topic", "entity", "keyword");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One tag as the model gave it; {@code frames} empty for a photo or text. */
  record RemoteTag(String label, double confidence, String kind, List<Integer> frames) {
    RemoteTag {
      frames = List.copyOf(frames);
    }
  }

  RemoteReply {
    tags = List.copyOf(tags);
  }

  /** Thrown when a reply is not JSON ({@code malformed}) or breaks the schema ({@code schema}). */
  static final class ReplyException extends RuntimeException {
    final String cause;

    ReplyException(String cause, String message) {
      super(message);
      this.cause = cause;
    }
  }

  /** The reply in a model's message content, checked; {@code frames} is how many frames were sent (0 for none). */
  static RemoteReply parse(String content, int frames) {
    JsonNode root;
    try {
      root = JSON.readTree(unfenced(content));
    } catch (java.io.IOException e) {
      throw new ReplyException("malformed", "the reply is not JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new ReplyException("schema", "the reply is not a JSON object");
    }
    JsonNode tags = root.get("tags");
    if (tags == null || !tags.isArray()) {
      throw new ReplyException("schema", "tags is missing or not an array");
    }
    if (tags.size() > MAX_TAGS) {
      throw new ReplyException("schema", "tags has " + tags.size() + " entries, more than " + MAX_TAGS);
    }
    List<RemoteTag> out = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      out.add(tag(tags.get(i), "tags[" + i + "]", frames));
    }
    return new RemoteReply(out, text(root, "caption", MAX_CAPTION), text(root, "summary", MAX_SUMMARY));
  }

  private static RemoteTag tag(JsonNode t, String where, int frames) {
    if (!t.isObject()) {
      throw new ReplyException("schema", where + " is not an object");
    }
    JsonNode label = t.get("label");
    if (label == null || !label.isTextual() || clean(label.asText()).isEmpty() || clean(label.asText()).length() > MAX_LABEL) {
      throw new ReplyException("schema", where + ".label must be a string of 1 to " + MAX_LABEL + " characters");
    }
    JsonNode confidence = t.get("confidence");
    if (confidence == null || !confidence.isNumber() || !(confidence.asDouble() >= 0 && confidence.asDouble() <= 1)) {
      throw new ReplyException("schema", where + ".confidence must be a number in [0, 1], got " + confidence);
    }
    String kind = t.path("kind").asText("other").strip().toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw new ReplyException("schema", where + ".kind must be one of " + new java.util.TreeSet<>(KINDS) + ", got '" + kind + "'");
    }
    List<Integer> seen = new ArrayList<>();
    JsonNode f = t.get("frames");
    if (frames > 0 && f != null && !f.isNull()) { // a photo's reply may copy the prompt's example: its frames mean nothing
      if (!f.isArray()) {
        throw new ReplyException("schema", where + ".frames must be an array of frame numbers");
      }
      for (JsonNode n : (ArrayNode) f) {
        if (!n.isIntegralNumber()) {
          throw new ReplyException("schema", where + ".frames holds " + n + ", not a frame number");
        }
        if (n.asInt() >= 1 && n.asInt() <= frames) { // a number past the frames sent is dropped, not the whole reply
          seen.add(n.asInt());
        }
      }
    }
    return new RemoteTag(clean(label.asText()), confidence.asDouble(), kind, seen.stream().distinct().sorted().toList());
  }

  /** A label as a tag name: control characters and the hierarchy separator {@code |} become spaces, runs of space one. */
  static String clean(String label) {
    return label.replaceAll("[\\p{Cntrl}|]", " ").replaceAll("\\s+", " ").strip();
  }

  private static String text(JsonNode root, String field, int max) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return "";
    }
    if (!n.isTextual() || n.asText().length() > max) {
      throw new ReplyException("schema", field + " must be a string of at most " + max + " characters");
    }
    return n.asText().strip();
  }

  /** The content without a Markdown code fence around it. */
  static String unfenced(String content) {
    String s = content.strip();
    if (s.startsWith("```")) {
      int firstBreak = s.indexOf('\n');
      int close = s.lastIndexOf("```");
      if (firstBreak > 0 && close > firstBreak) {
        return s.substring(firstBreak + 1, close).strip();
      }
    }
    return s;
  }

  /** The reply as the response cache keeps it. */
  ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode arr = o.putArray("tags");
    for (RemoteTag t : tags) {
      ObjectNode n = arr.addObject().put("label", t.label()).put("confidence", t.confidence()).put("kind", t.kind());
      if (!t.frames().isEmpty()) {
        t.frames().forEach(n.putArray("frames")::add);
      }
    }
    return o.put("caption", caption).put("summary", summary);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
