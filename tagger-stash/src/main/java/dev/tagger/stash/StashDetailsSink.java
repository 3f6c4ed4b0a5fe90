package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a model's description of a scene ({@link TagResult#description()}: a caption, a summary) as the scene's
 * details, only where the scene has none: the details are read again just before the write, so what a person wrote
 * in the meantime stays, and a retried write that already landed is seen and not repeated. A scene that cannot be
 * written is logged (once as a warning) and never fails the item. Thread-safe.
 */
final class StashDetailsSink implements TagSink {
  private static final Logger LOG = LoggerFactory.getLogger(StashDetailsSink.class);

  private final StashClient client;
  private final Map<String, StashItem> itemsByPath;
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicBoolean warned = new AtomicBoolean();

  StashDetailsSink(StashClient client, Map<String, StashItem> itemsByPath) {
    this.client = client;
    this.itemsByPath = Map.copyOf(itemsByPath);
  }

  @Override
  public void accept(TagResult result) {
    StashItem item = itemsByPath.get(result.path());
    if (item == null || item.kind() != StashItem.Kind.SCENE || !result.succeeded() || result.description().isEmpty()) {
      return;
    }
    String details = result.description().get();
    try {
      String now = details(item.id());
      if (now != null && !now.isBlank()) {
        return; // a person's (or an earlier run's) details stay
      }
      client.execute("SceneUpdateDetails", Map.of("input", Map.of("id", item.id(), "details", details)), () -> {
        String after = details(item.id()); // ours landed, or a person wrote theirs meanwhile: either way, write nothing more
        return after != null && !after.isBlank() ? client.execute("FindSceneDetails", Map.of("id", item.id())) : null;
      });
      written.incrementAndGet();
    } catch (StashException e) {
      if (warned.compareAndSet(false, true)) {
        LOG.warn("cannot write the details of scene {}: {}", item.id(), e.getMessage());
      } else {
        LOG.debug("cannot write the details of scene {}: {}", item.id(), e.getMessage());
      }
    }
  }

  private String details(String sceneId) {
    JsonNode scene = client.execute("FindSceneDetails", Map.of("id", sceneId)).path("findScene");
    return scene.path("details").isTextual() ? scene.path("details").asText() : null;
  }

  /** Scenes whose details this sink wrote. */
  int written() {
    return written.get();
  }
}
