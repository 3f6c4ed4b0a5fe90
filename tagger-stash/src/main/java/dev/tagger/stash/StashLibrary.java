package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads scenes and images from Stash page by page, with filters: only items not yet tagged by us (they
 * lack the done tag), under a path prefix (Stash's path filter is a substring match, so the prefix is
 * confirmed here), or carrying a tag. The whole selection is listed before tagging starts, so tagging
 * items (which changes what the filter matches) cannot shift the pages. Thread-safe.
 */
public final class StashLibrary {
  /** Which items to take. */
  public record Filter(@Nullable String withoutTagId, @Nullable String pathPrefix, @Nullable String withTagId) {
    public static final Filter ALL = new Filter(null, null, null);
  }

  private final StashClient client;
  private final int perPage;

  public StashLibrary(StashClient client, int perPage) {
    if (perPage < 1) {
      throw new IllegalArgumentException("perPage must be >= 1, got " + perPage);
    }
    this.client = client;
    this.perPage = perPage;
  }

  /** Every item of a kind that the filter selects. */
  public List<StashItem> list(StashItem.Kind kind, Filter filter) {
    Map<String, Object> itemFilter = new HashMap<>();
    if (filter.withoutTagId() != null) {
      itemFilter.put("tags", Map.of("value", List.of(filter.withoutTagId()), "modifier", "EXCLUDES", "depth", 0));
    }
    if (filter.withTagId() != null) {
      Map<String, Object> with = Map.of("value", List.of(filter.withTagId()), "modifier", "INCLUDES", "depth", -1);
      itemFilter.put(filter.withoutTagId() == null ? "tags" : "AND", filter.withoutTagId() == null ? with : Map.of("tags", with));
    }
    if (filter.pathPrefix() != null) {
      itemFilter.put("path", Map.of("value", filter.pathPrefix(), "modifier", "INCLUDES"));
    }
    String document = switch (kind) {
      case SCENE -> "FindScenes";
      case IMAGE -> "FindImages";
      case GALLERY -> "FindGalleries";
    };
    String plural = kind.name().toLowerCase(java.util.Locale.ROOT).replace("gallery", "gallerie") + "s";
    String singular = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (kind == StashItem.Kind.GALLERY) {
      itemFilter.remove("path");
    }
    List<StashItem> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode data = client.execute(document, Map.of(
          "filter", Map.of("page", page, "per_page", perPage, "sort", "id", "direction", "ASC"),
          singular + "_filter", itemFilter));
      JsonNode result = data.path("find" + Character.toUpperCase(plural.charAt(0)) + plural.substring(1));
      JsonNode items = result.path(plural);
      for (JsonNode n : items) {
        StashItem item = item(kind, n);
        if (filter.pathPrefix() == null || kind == StashItem.Kind.GALLERY || item.path() != null && item.path().startsWith(filter.pathPrefix())) {
          out.add(item);
        }
      }
      if (items.size() < perPage || (long) page * perPage >= result.path("count").asLong()) {
        return out;
      }
    }
  }

  static StashItem item(StashItem.Kind kind, JsonNode n) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    n.path("tags").forEach(t -> tags.put(t.path("id").asText(), t.path("name").asText()));
    JsonNode files = n.path(kind == StashItem.Kind.SCENE ? "files" : "visual_files");
    String path = files.isArray() && !files.isEmpty() ? files.get(0).path("path").asText(null) : null;
    List<StashItem.Marker> markers = new ArrayList<>();
    for (JsonNode m : n.path("scene_markers")) {
      markers.add(new StashItem.Marker(m.path("id").asText(), m.path("title").asText(), m.path("seconds").asDouble(),
          m.path("end_seconds").isNumber() ? m.path("end_seconds").asDouble() : null, m.path("primary_tag").path("id").asText()));
    }
    List<String> galleries = new ArrayList<>();
    n.path("galleries").forEach(g -> galleries.add(g.path("id").asText()));
    Map<String, String> performers = new java.util.LinkedHashMap<>();
    n.path("performers").forEach(p -> performers.put(p.path("id").asText(), p.path("name").asText()));
    return new StashItem(kind, n.path("id").asText(), n.path("title").asText(null), path, tags, markers, galleries, performers);
  }
}
