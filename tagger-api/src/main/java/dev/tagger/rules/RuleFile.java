package dev.tagger.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tagger.Category;
import dev.tagger.spi.TagRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a rule chain from YAML or JSON. The file holds {@code rules:}, a list applied in order, each
 * entry an object with one key naming the rule:
 *
 * <pre>{@code
 * rules:
 *   - synonyms: {cat: [tabby, tiger cat, Egyptian cat]}    # replaces the names
 *   - broader: {dog: [malamute, beagle]}                    # keeps them and adds dog
 *   - minConfidence: {global: 0.2, labels: {cat: 0.5}, analyzers: {imagenet: 0.3}}   # or just 0.2
 *   - deny: [web site]
 *   - allow: [cat, dog]                    # or {terms: [...], synonyms: {...}}
 *   - rename: {cat: kitty}
 *   - composite: {all: [cat, sofa], add: pet_comfort, category: scene}
 *   - topK: 5
 *   - review: {from: 0.3, to: 0.6}
 *   - affix: {prefix: "", suffix: _AI}
 * }</pre>
 *
 * A bad file fails with {@link RuleFileException} naming the file, the field path and the problem.
 */
public final class RuleFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleFile() {}

  public static RuleChain load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new RuleFileException(file + ": no such rules file");
    } catch (IOException e) {
      throw new RuleFileException(file + ": cannot read rules file: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Parses rules from text; {@code name} is used in error messages. */
  public static RuleChain parse(String name, String text) {
    JsonNode root;
    try {
      root = (text.stripLeading().startsWith("{") ? JSON : YAML).readTree(text);
    } catch (JsonProcessingException e) {
      throw new RuleFileException(name + ": not valid YAML or JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new RuleFileException(name + ": file is empty; expected 'rules:' with a list of rules");
    }
    Reader r = new Reader(name);
    JsonNode list = root.isArray() ? root : root.get("rules");
    if (root.isObject()) {
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!field.equals("rules")) {
          throw r.error(field, "unknown field; the file holds 'rules:' with a list of rules");
        }
      }
    }
    if (list == null || !list.isArray()) {
      throw r.error("rules", "expected a list of rules");
    }
    List<TagRule> rules = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      rules.add(r.rule("rules[" + i + "]", list.get(i)));
    }
    return new RuleChain(rules);
  }

  /** Reads nodes, naming the field path in every error. */
  private record Reader(String file) {
    RuleFileException error(String path, String problem) {
      return new RuleFileException(file + ": " + path + ": " + problem);
    }

    TagRule rule(String path, JsonNode node) {
      if (!node.isObject() || node.size() != 1) {
        throw error(path, "expected an object with exactly one key naming the rule (minConfidence, deny, allow,"
            + " synonyms, broader, rename, affix, composite, topK, review)");
      }
      String kind = node.fieldNames().next();
      JsonNode v = node.get(kind);
      String at = path + "." + kind;
      try {
        return switch (kind) {
          case "minConfidence" -> v.isObject()
              ? new MinConfidenceRule(optionalUnit(at + ".global", v.get("global"), 0),
                  unitMap(at + ".labels", v.get("labels")), unitMap(at + ".analyzers", v.get("analyzers")))
              : MinConfidenceRule.of(unit(at, v));
          case "deny" -> new DenyRule(strings(at, v));
          case "allow" -> v.isObject()
              ? new VocabularyRule(synonymMap(at + ".synonyms", v.get("synonyms")), optionalStrings(at + ".terms", v.get("terms")), true)
              : VocabularyRule.allow(strings(at, v));
          case "synonyms" -> VocabularyRule.synonyms(synonymMap(at, v));
          case "broader" -> new BroaderTermRule(synonymMap(at, v));
          case "rename" -> new RenameRule(stringMap(at, v));
          case "affix" -> new AffixRule(optionalString(at + ".prefix", v.get("prefix")), optionalString(at + ".suffix", v.get("suffix")));
          case "composite" -> new CompositeRule(strings(at + ".all", required(at, v, "all")),
              string(at + ".add", required(at, v, "add")), category(at + ".category", v.get("category")));
          case "topK" -> new TopKRule(positiveInt(at, v));
          case "review" -> new ReviewBandRule(unit(at + ".from", required(at, v, "from")), unit(at + ".to", required(at, v, "to")));
          default -> throw error(path, "unknown rule '" + kind + "'; known: minConfidence, deny, allow, synonyms,"
              + " broader, rename, affix, composite, topK, review");
        };
      } catch (IllegalArgumentException e) {
        throw error(at, e.getMessage());
      }
    }

    JsonNode required(String path, JsonNode obj, String field) {
      if (!obj.isObject()) {
        throw error(path, "expected an object with '" + field + "'");
      }
      JsonNode v = obj.get(field);
      if (v == null || v.isNull()) {
        throw error(path + "." + field, "missing");
      }
      return v;
    }

    double unit(String path, JsonNode v) {
      if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
        throw error(path, "expected a number in [0, 1], got " + show(v));
      }
      return v.asDouble();
    }

    double optionalUnit(String path, JsonNode v, double otherwise) {
      return v == null || v.isNull() ? otherwise : unit(path, v);
    }

    int positiveInt(String path, JsonNode v) {
      if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
        throw error(path, "expected a whole number >= 1, got " + show(v));
      }
      return v.asInt();
    }

    String string(String path, JsonNode v) {
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw error(path, "expected a non-empty string, got " + show(v));
      }
      return v.asText();
    }

    String optionalString(String path, JsonNode v) {
      if (v == null || v.isNull()) {
        return "";
      }
      if (!v.isTextual()) {
        throw error(path, "expected a string, got " + show(v));
      }
      return v.asText();
    }

    List<String> strings(String path, JsonNode v) {
      if (v == null || !v.isArray()) {
        throw error(path, "expected a list of names, got " + show(v));
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        out.add(string(path + "[" + i + "]", v.get(i)));
      }
      return out;
    }

    List<String> optionalStrings(String path, JsonNode v) {
      return v == null || v.isNull() ? List.of() : strings(path, v);
    }

    Map<String, Double> unitMap(String path, JsonNode v) {
      Map<String, Double> out = new LinkedHashMap<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (!v.isObject()) {
        throw error(path, "expected a map of name: number, got " + show(v));
      }
      v.fields().forEachRemaining(e -> out.put(e.getKey(), unit(path + "." + e.getKey(), e.getValue())));
      return out;
    }

    Map<String, String> stringMap(String path, JsonNode v) {
      if (v == null || !v.isObject()) {
        throw error(path, "expected a map of from: to, got " + show(v));
      }
      Map<String, String> out = new LinkedHashMap<>();
      v.fields().forEachRemaining(e -> out.put(e.getKey(), string(path + "." + e.getKey(), e.getValue())));
      return out;
    }

    Map<String, List<String>> synonymMap(String path, JsonNode v) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (!v.isObject()) {
        throw error(path, "expected a map of term: [synonyms], got " + show(v));
      }
      v.fields().forEachRemaining(e -> out.put(e.getKey(), strings(path + "." + e.getKey(), e.getValue())));
      return out;
    }

    Category category(String path, JsonNode v) {
      if (v == null || v.isNull()) {
        return Category.OTHER;
      }
      try {
        return Category.valueOf(string(path, v).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(path, "unknown category " + show(v) + "; known: " + List.of(Category.values()).toString().toLowerCase(Locale.ROOT));
      }
    }

    static String show(JsonNode v) {
      if (v == null || v.isMissingNode()) {
        return "nothing";
      }
      return v.isContainerNode() ? (v.isArray() ? "a list" : "an object") : v.toString();
    }
  }
}
