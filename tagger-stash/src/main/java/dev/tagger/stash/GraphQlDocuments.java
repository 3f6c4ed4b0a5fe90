package dev.tagger.stash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GraphQL documents this module sends, one {@code .graphql} resource each under
 * {@code dev/tagger/stash/graphql/}, so a contract test can validate every one against Stash's schema.
 */
public final class GraphQlDocuments {
  /** Every document's name; the contract test validates each. */
  public static final List<String> ALL = List.of("Version", "FindTags", "TagCreate", "TagAddParents", "BulkSceneAddTags",
      "BulkImageAddTags", "BulkSceneRemoveTags", "BulkImageRemoveTags", "FindScenes", "FindSceneMarkers", "FindImages", "SceneMarkerCreate",
      "SceneMarkerDestroy", "PluginConfiguration", "BulkGalleryAddTags", "BulkGalleryRemoveTags", "FindGalleries", "FindPerformers", "PerformerCreate", "BulkSceneAddPerformers",
      "BulkImageAddPerformers", "FindSceneDetails", "SceneUpdateDetails");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private GraphQlDocuments() {}

  /** The text of a document by name, e.g. {@code FindTags}. */
  public static String get(String name) {
    return CACHE.computeIfAbsent(name, n -> {
      String resource = "graphql/" + n + ".graphql";
      try (InputStream in = GraphQlDocuments.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no GraphQL document " + n + " (" + resource + ")");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read GraphQL document " + resource, e);
      }
    });
  }
}
