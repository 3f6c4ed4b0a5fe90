package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Stash tags by exact name. Stash's name filter is SQL LIKE (case-insensitive; {@code _} and {@code %}
 * are wildcards) and a name may already be another tag's alias, so a lookup asks for name or alias and
 * then keeps only a tag whose name or alias equals the wanted one, ignoring case as Stash does. AI tags
 * are named {@code label + suffix} ({@code cat_AI}), live under one parent tag ({@code AI}) so they can
 * be found and removed, are made children of the person's own tag of the same label when there is one,
 * and are created with {@code ignore_auto_tag}. Ids are cached for the run. Thread-safe.
 */
public final class StashTags {
  /** A Stash tag as far as we need it. */
  public record StashTag(String id, String name, List<String> aliases, List<String> parentIds) {}

  private final StashClient client;
  private final String parentName;
  private final String suffix;
  private final Map<String, StashTag> byKey = new ConcurrentHashMap<>();
  private final Set<String> linked = ConcurrentHashMap.newKeySet();

  public StashTags(StashClient client, String parentName, String suffix) {
    this.client = client;
    this.parentName = parentName;
    this.suffix = suffix;
  }

  public StashTags(StashClient client) {
    this(client, "AI", "_AI");
  }

  /** The tag named (or aliased) exactly {@code name}, ignoring case; empty when Stash has none. */
  public Optional<StashTag> find(String name) {
    StashTag cached = byKey.get(key(name));
    if (cached != null) {
      return Optional.of(cached);
    }
    Map<String, Object> exact = Map.of("value", name, "modifier", "EQUALS");
    JsonNode data = client.execute("FindTags", Map.of(
        "filter", Map.of("per_page", -1),
        "tag_filter", Map.of("name", exact, "OR", Map.of("aliases", exact))));
    for (JsonNode t : data.path("findTags").path("tags")) {
      StashTag tag = tag(t);
      if (key(tag.name()).equals(key(name)) || tag.aliases().stream().anyMatch(a -> key(a).equals(key(name)))) {
        byKey.put(key(name), tag);
        return Optional.of(tag);
      }
    }
    return Optional.empty();
  }

  /** The tag named {@code name}, created (with these parents and {@code ignore_auto_tag}) when missing. */
  public StashTag findOrCreate(String name, List<String> parentIds, @Nullable String description) {
    Optional<StashTag> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("name", name);
    input.put("ignore_auto_tag", true);
    input.put("parent_ids", parentIds);
    if (description != null) {
      input.put("description", description);
    }
    try {
      StashTag created = tag(client.execute("TagCreate", Map.of("input", input)).path("tagCreate"));
      byKey.put(key(name), created);
      return created;
    } catch (StashException e) {
      // Created meanwhile (another run, or an earlier attempt whose answer was lost): use that one.
      return find(name).orElseThrow(() -> e);
    }
  }

  /** The parent of every AI tag, created when missing. */
  public StashTag aiParent() {
    return findOrCreate(parentName, List.of(), "Tags set by Tagger's AI analyzers; delete this tag's children to undo them.");
  }

  /**
   * The AI tag for a label ({@code cat} → {@code cat_AI}) under the AI parent, and also under the
   * person's tag {@code cat} when that exists.
   */
  public StashTag aiTag(String label) {
    return aiTag(label, List.of());
  }

  /**
   * As {@link #aiTag(String)}, also a child of the AI tag of the last of {@code ancestors} (root first:
   * {@code [animal, mammal, dog]} for {@code malamute}), each of which is made the same way.
   */
  public StashTag aiTag(String label, List<String> ancestors) {
    String name = label + suffix;
    String linkKey = key(name) + "\u0000" + String.join("\u0000", ancestors);
    StashTag cached = byKey.get(key(name));
    if (cached != null && (ancestors.isEmpty() || linked.contains(linkKey))) {
      return cached;
    }
    Set<String> parents = new LinkedHashSet<>();
    parents.add(aiParent().id());
    if (!ancestors.isEmpty()) {
      int last = ancestors.size() - 1;
      parents.add(aiTag(ancestors.get(last), ancestors.subList(0, last)).id());
    }
    find(label).filter(human -> !human.parentIds().contains(aiParent().id())).ifPresent(human -> parents.add(human.id()));
    StashTag tag = findOrCreate(name, List.copyOf(parents), null);
    if (!tag.parentIds().containsAll(parents)) {
      Set<String> all = new LinkedHashSet<>(tag.parentIds());
      all.addAll(parents);
      client.execute("TagAddParents", Map.of("input", Map.of("id", tag.id(), "parent_ids", List.copyOf(all))));
      tag = new StashTag(tag.id(), tag.name(), tag.aliases(), List.copyOf(all));
      byKey.put(key(name), tag);
    }
    linked.add(linkKey);
    return tag;
  }

  /** The tag every item we tagged carries ({@code AI_tagged}), so "untagged" means "without it". */
  public StashTag doneTag() {
    return childOfParent(parentName + "_tagged", "Items Tagger has tagged; remove it from an item to have it tagged again.");
  }

  /** The review tag for a label ({@code cat} → {@code cat_AI_review}), a child of {@link #reviewTag()}. */
  public StashTag reviewTagFor(String label) {
    String name = label + suffix + REVIEW_SUFFIX;
    StashTag cached = byKey.get(key(name));
    return cached != null ? cached : findOrCreate(name, List.of(reviewTag().id()), null);
  }

  /** What a review tag's name ends with. */
  public static final String REVIEW_SUFFIX = "_review";

  /** The label of one of our tags ({@code cat_AI} or {@code cat_AI_review} → {@code cat}), or null when it is not one. */
  public @Nullable String labelOf(String tagName) {
    String n = tagName.endsWith(suffix + REVIEW_SUFFIX) ? tagName.substring(0, tagName.length() - REVIEW_SUFFIX.length()) : tagName;
    return n.endsWith(suffix) && n.length() > suffix.length() ? n.substring(0, n.length() - suffix.length()) : null;
  }

  /** Whether a tag name is one of ours: an AI or review tag, the AI parent or one of its marks ({@code AI_tagged}). */
  public boolean isOurs(String tagName) {
    return labelOf(tagName) != null || tagName.equals(parentName) || tagName.startsWith(parentName + "_");
  }

  /** The tag a person puts on an item once its review tags are right ({@code AI_reviewed}). */
  public StashTag reviewedTag() {
    return childOfParent(parentName + "_reviewed", "Put this on an item after checking its _AI_review tags; 'Apply reviewed tags' then applies what is left.");
  }

  /** The parent of tags a person wants taught ({@code AI_teach}): put a tag under it and tag a few items with it. */
  public StashTag teachTag() {
    return childOfParent(parentName + "_teach", "Put a tag of yours under this one and on a few items that show it: Tagger learns it and tags the rest.");
  }

  /** The tags whose parent is this tag. */
  public List<StashTag> childrenOf(String parentId) {
    JsonNode data = client.execute("FindTags", Map.of("filter", Map.of("per_page", -1),
        "tag_filter", Map.of("parents", Map.of("value", List.of(parentId), "modifier", "INCLUDES"))));
    List<StashTag> out = new ArrayList<>();
    for (JsonNode t : data.path("findTags").path("tags")) {
      StashTag tag = tag(t);
      if (tag.parentIds().contains(parentId)) { // confirm: the filter may also match deeper descendants
        out.add(tag);
      }
    }
    return out;
  }

  /** The tag a person puts on an item whose AI tags are wrong ({@code AI_wrong}). */
  public StashTag wrongTag() {
    return childOfParent(parentName + "_wrong", "Put this on an item whose AI tags are wrong; 'Apply reviewed tags' removes them and records it.");
  }

  /** The primary tag of the markers where a named person appears ({@code AI_people}); a marker's title is the name. */
  public StashTag peopleTag() {
    return childOfParent(parentName + "_people", "Primary tag of Tagger's markers where a person named in its people store appears; the title is the name.");
  }

  /** The tag on items with tags in the review band ({@code AI_needs_review}). */
  public StashTag reviewTag() {
    return childOfParent(parentName + "_needs_review", "Items with AI tags Tagger was unsure of.");
  }

  private StashTag childOfParent(String name, String description) {
    StashTag cached = byKey.get(key(name));
    return cached != null ? cached : findOrCreate(name, List.of(aiParent().id()), description);
  }

  /** Whether a tag is one of ours (a child of the AI parent). */
  public boolean isAiTag(StashTag tag) {
    return tag.parentIds().contains(aiParent().id());
  }

  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static StashTag tag(JsonNode t) {
    List<String> aliases = new ArrayList<>();
    t.path("aliases").forEach(a -> aliases.add(a.asText()));
    List<String> parents = new ArrayList<>();
    t.path("parents").forEach(p -> parents.add(p.path("id").asText()));
    return new StashTag(t.path("id").asText(), t.path("name").asText(), List.copyOf(aliases), List.copyOf(parents));
  }
}
