package dev.tagger.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.TextItem;
import dev.tagger.spi.AnalyzerOutput;
import java.util.ArrayList;
import java.util.List;

/** What the two remote analyzers share: the request's shape, and turning an answer into an analyzer's output. */
final class RemoteLook {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The most tokens a reply may spend. */
  static final int MAX_REPLY_TOKENS = 700;

  private RemoteLook() {}

  /** A chat completions request: the system prompt, then the user's parts, asking for a JSON object. */
  static ObjectNode request(String system, ArrayNode userParts) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").set("content", userParts);
    body.put("temperature", 0).put("max_tokens", MAX_REPLY_TOKENS);
    body.putObject("response_format").put("type", "json_object");
    return body;
  }

  static ArrayNode parts() {
    return JSON.createArrayNode();
  }

  /** The category a reply's tag kind files under. */
  static Category category(String kind) {
    return switch (kind) {
      case "object" -> Category.OBJECT;
      case "scene" -> Category.SCENE;
      case "text" -> Category.TEXT;
      case "topic", "keyword" -> Category.KEYWORD;
      case "entity" -> Category.ENTITY;
      default -> Category.OTHER;
    };
  }

  /** The caption and summary of an answer as texts of the item (searchable, and a description for sinks that keep one). */
  static List<TextItem> texts(RemoteReply reply, Source source, String captionKind) {
    List<TextItem> out = new ArrayList<>();
    if (!reply.caption().isBlank()) {
      out.add(new TextItem(captionKind, reply.caption(), null, source));
    }
    if (!reply.summary().isBlank()) {
      out.add(new TextItem("summary", reply.summary(), null, source));
    }
    return out;
  }

  /** The output for an answer that has no reply. */
  static AnalyzerOutput unavailable(Gateway.Answer answer) {
    return AnalyzerOutput.unavailable(answer.unavailable() == null ? "no reply" : answer.unavailable(), answer.usage());
  }
}
