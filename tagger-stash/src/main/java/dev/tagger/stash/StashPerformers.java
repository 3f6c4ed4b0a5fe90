package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Stash performers by exact name or alias. Stash's name filter is SQL LIKE, so a lookup asks for name or
 * alias and keeps only a performer whose name or one alias equals the wanted name, ignoring case; two such
 * performers (the same name told apart by a disambiguation) are not guessed between. A person named in
 * the people store is created as a performer only when {@code create} allows it; a create whose answer was
 * lost is looked up rather than sent again. Answers are cached for the run. Thread-safe.
 */
public final class StashPerformers {
  /** A performer as far as we need one: its image is what Stash serves, null when it has none of its own. */
  public record StashPerformer(String id, String name, @Nullable String disambiguation, List<String> aliases, @Nullable String imagePath) {}

  private final StashClient client;
  private final boolean create;
  private final Map<String, Optional<StashPerformer>> byKey = new ConcurrentHashMap<>();

  /** @param create create a performer for a named person Stash does not know (off by default in every entry point) */
  public StashPerformers(StashClient client, boolean create) {
    this.client = client;
    this.create = create;
  }

  /**
   * The performer named or aliased exactly {@code name}; empty when Stash has none.
   *
   * @throws StashException when more than one performer has that name or alias
   */
  public Optional<StashPerformer> find(String name) {
    Optional<StashPerformer> cached = byKey.get(StashTags.key(name));
    if (cached != null) {
      return cached;
    }
    Map<String, Object> exact = Map.of("value", name.strip(), "modifier", "EQUALS");
    JsonNode data = client.execute("FindPerformers", Map.of("filter", Map.of("per_page", -1),
        "performer_filter", Map.of("name", exact, "OR", Map.of("aliases", exact))));
    List<StashPerformer> same = new ArrayList<>();
    for (JsonNode p : data.path("findPerformers").path("performers")) {
      StashPerformer performer = performer(p);
      if (StashTags.key(performer.name()).equals(StashTags.key(name))
          || performer.aliases().stream().anyMatch(a -> StashTags.key(a).equals(StashTags.key(name)))) {
        same.add(performer);
      }
    }
    if (same.size() > 1) {
      throw new StashException("Stash has " + same.size() + " performers named '" + name.strip() + "' (ids "
          + String.join(", ", same.stream().map(StashPerformer::id).toList()) + "); give the person the name of one of them"
          + " with its disambiguation, e.g. 'tagger people name CLUSTER \"" + name.strip() + " (" + disambiguationHint(same) + ")\"'", 0);
    }
    Optional<StashPerformer> found = same.stream().findFirst();
    byKey.put(StashTags.key(name), found);
    return found;
  }

  /**
   * The performer for a person named {@code name}: the one Stash has, else one created when creating is
   * allowed (then once, even across threads), else empty. A name with a disambiguation in parentheses
   * ({@code Anna (1990)}) also matches the performer with that name and disambiguation, and is created as one.
   */
  public synchronized Optional<StashPerformer> forPerson(String name) {
    Optional<StashPerformer> known = disambiguated(name).or(() -> find(name));
    if (known.isPresent() || !create) {
      return known;
    }
    String[] parts = split(name);
    Map<String, Object> input = new java.util.HashMap<>(Map.of("name", parts[0],
        "details", "Created by Tagger for a person named in its people store."));
    if (parts[1] != null) {
      input.put("disambiguation", parts[1]);
    }
    try {
      StashPerformer made = performer(client.execute("PerformerCreate", Map.of("input", input),
          () -> {
            byKey.remove(StashTags.key(name)); // read Stash again, not the answer cached before the create
            return disambiguated(name).or(() -> find(name)).map(StashPerformers::answer).orElse(null);
          }).path("performerCreate"));
      byKey.put(StashTags.key(name), Optional.of(made));
      return Optional.of(made);
    } catch (StashException e) {
      byKey.remove(StashTags.key(name)); // made meanwhile by someone else: use that one
      return Optional.of(disambiguated(name).or(() -> find(name)).orElseThrow(() -> e));
    }
  }

  /** Every performer Stash has, with its image when it has one of its own (Stash serves a silhouette otherwise). */
  public List<StashPerformer> all() {
    List<StashPerformer> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode found = client.execute("FindPerformers", Map.of("filter", Map.of("page", page, "per_page", 100, "sort", "id", "direction", "ASC")))
          .path("findPerformers");
      found.path("performers").forEach(p -> out.add(performer(p)));
      if (found.path("performers").size() < 100 || (long) page * 100 >= found.path("count").asLong()) {
        return out;
      }
    }
  }

  /** A name and its disambiguation ({@code Anna (1990)} → {@code Anna}, {@code 1990}); null for a name without one. */
  static String[] split(String name) {
    String n = name.strip();
    int open = n.lastIndexOf(" (");
    if (open < 1 || !n.endsWith(")")) {
      return new String[] {n, null};
    }
    return new String[] {n.substring(0, open), n.substring(open + 2, n.length() - 1)};
  }

  /** The name a person is given for this performer: its name, with its disambiguation in parentheses when it has one. */
  public static String personName(StashPerformer p) {
    return p.disambiguation() == null ? p.name() : p.name() + " (" + p.disambiguation() + ")";
  }

  private Optional<StashPerformer> disambiguated(String name) {
    String[] parts = split(name);
    if (parts[1] == null) {
      return Optional.empty();
    }
    String base = parts[0];
    String disambiguation = parts[1];
    Map<String, Object> exact = Map.of("value", base, "modifier", "EQUALS");
    JsonNode data = client.execute("FindPerformers", Map.of("filter", Map.of("per_page", -1), "performer_filter", Map.of("name", exact)));
    for (JsonNode p : data.path("findPerformers").path("performers")) {
      StashPerformer performer = performer(p);
      if (StashTags.key(performer.name()).equals(StashTags.key(base)) && performer.disambiguation() != null
          && StashTags.key(performer.disambiguation()).equals(StashTags.key(disambiguation))) {
        return Optional.of(performer);
      }
    }
    return Optional.empty();
  }

  private static String disambiguationHint(List<StashPerformer> same) {
    return same.stream().map(StashPerformer::disambiguation).filter(d -> d != null && !d.isBlank()).findFirst().orElse("its disambiguation");
  }

  private static JsonNode answer(StashPerformer p) {
    com.fasterxml.jackson.databind.node.ObjectNode answer = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    com.fasterxml.jackson.databind.node.ObjectNode o = answer.putObject("performerCreate").put("id", p.id()).put("name", p.name())
        .put("disambiguation", p.disambiguation());
    o.putArray("alias_list");
    return answer;
  }

  private static StashPerformer performer(JsonNode p) {
    List<String> aliases = new ArrayList<>();
    p.path("alias_list").forEach(a -> aliases.add(a.asText()));
    String image = p.path("image_path").asText(null);
    if (image != null && image.contains("default=true")) {
      image = null; // Stash's placeholder, not a picture of the performer
    }
    String disambiguation = p.path("disambiguation").asText(null);
    return new StashPerformer(p.path("id").asText(), p.path("name").asText(), disambiguation == null || disambiguation.isBlank() ? null : disambiguation,
        List.copyOf(aliases), image);
  }
}
