package dev.tagger.stash;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A scene or image in Stash as tagging needs it: its id, title, file path (as Stash sees it), the ids
 * of its tags, and for scenes its markers.
 */
public record StashItem(Kind kind, String id, @Nullable String title, @Nullable String path, Set<String> tagIds, List<Marker> markers) {
  /** Which of Stash's item types. */
  public enum Kind {
    SCENE,
    IMAGE
  }

  /** A scene marker: where it starts and ends and its primary tag. */
  public record Marker(String id, String title, double seconds, @Nullable Double endSeconds, String primaryTagId) {}

  public StashItem {
    tagIds = Set.copyOf(tagIds);
    markers = List.copyOf(markers);
  }
}
