package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The labelled dev set: one {@link Item} per line of {@code labels.jsonl} (see
 * {@code benchmarks/accuracy/LABELING.md}), its media in a folder collected by
 * {@code benchmarks/accuracy/collect.sh}.
 */
public record DevSet(Path media, List<Item> items) {
  public DevSet {
    items = List.copyOf(items);
  }

  /**
   * One labelled picture or video.
   *
   * @param accept every tag a person accepts, one set of synonyms per concept
   * @param must the tags a person expects first, each a set of synonyms
   * @param negatives the kinds of hard negative this item is ({@code no-people}, {@code look-alike}, …)
   */
  public record Item(String id, String subject, List<Set<String>> accept, List<Set<String>> must, int faces, int people,
      boolean text, Set<String> negatives) {
    public Item {
      accept = List.copyOf(accept);
      must = List.copyOf(must);
      negatives = Set.copyOf(negatives);
    }

    /** True when a person accepts a tag of this name here. */
    public boolean accepts(String tag) {
      String key = norm(tag);
      return accept.stream().anyMatch(s -> s.contains(key)) || must.stream().anyMatch(s -> s.contains(key));
    }

    public boolean hasNoPeople() {
      return negatives.contains("no-people");
    }
  }

  static String norm(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public static DevSet load(Path labels, Path media) {
    ObjectMapper json = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(labels)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o;
        try {
          o = json.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(labels + ":" + n + ": not JSON: " + e.getMessage(), e);
        }
        String id = o.path("id").asText("");
        if (id.isEmpty()) {
          throw new IllegalArgumentException(labels + ":" + n + ": no id");
        }
        Set<String> negatives = new LinkedHashSet<>();
        o.path("negative").forEach(v -> negatives.add(v.asText()));
        items.add(new Item(id, o.path("subject").asText(""), synonyms(o.path("accept")), synonyms(o.path("must")),
            o.path("faces").asInt(0), o.path("people").asInt(0), o.path("text").asBoolean(false), negatives));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + labels + ": " + e.getMessage(), e);
    }
    return new DevSet(media, items);
  }

  private static List<Set<String>> synonyms(JsonNode list) {
    List<Set<String>> out = new ArrayList<>();
    for (JsonNode entry : list) {
      Set<String> names = new LinkedHashSet<>();
      for (String s : entry.asText().split("\\|")) {
        if (!s.isBlank()) {
          names.add(norm(s));
        }
      }
      if (!names.isEmpty()) {
        out.add(names);
      }
    }
    return out;
  }
}
