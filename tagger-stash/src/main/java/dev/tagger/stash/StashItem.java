package dev.tagger.stash;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A scene or image in Stash as tagging needs it: its id, title, file path (as Stash sees it), its tags
 * (id → name), for scenes its markers, for images the galleries holding them, and its performers (id → name).
 */
public record StashItem(Kind kind, String id, @Nullable String title, @Nullable String path, Map<String, String> tags, List<Marker> markers,
    List<String> galleryIds, Map<String, String> performers) {
  /** Which of Stash's item types. */
  public enum Kind {
    SCENE("Scene"),
    IMAGE("Image"),
    GALLERY("Gallery");

    private final String document;

    Kind(String document) {
      this.document = document;
    }

    /** The GraphQL document that adds tags to items of this kind (ADD mode). */
    public String addTags() {
      return "Bulk" + document + "AddTags";
    }

    /** The GraphQL document that removes tags from items of this kind (REMOVE mode). */
    public String removeTags() {
      return "Bulk" + document + "RemoveTags";
    }

    /** The GraphQL document that adds performers to items of this kind (ADD mode); scenes and images have one. */
    public String addPerformers() {
      if (this == GALLERY) {
        throw new IllegalStateException("performers are added to scenes and images, not galleries");
      }
      return "Bulk" + document + "AddPerformers";
    }
  }

  /** A scene marker: where it starts and ends and its primary tag. */
  public record Marker(String id, String title, double seconds, @Nullable Double endSeconds, String primaryTagId) {}

  public StashItem {
    tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    markers = List.copyOf(markers);
    galleryIds = List.copyOf(galleryIds);
    performers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(performers));
  }

  public StashItem(Kind kind, String id, @Nullable String title, @Nullable String path, Map<String, String> tags, List<Marker> markers) {
    this(kind, id, title, path, tags, markers, List.of(), Map.of());
  }

  public Set<String> tagIds() {
    return tags.keySet();
  }
}
