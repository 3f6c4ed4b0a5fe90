package dev.tagger.remote;

import dev.tagger.model.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies a gateway gave, kept in a folder by a key of content hash, model and prompt version, so the same photo
 * or text is never paid for twice: one small JSON file per reply, written whole and moved into place, so
 * processes sharing the folder (worker processes, later runs) never read half of one. A reply that cannot be read
 * back is asked again. Thread-safe.
 */
final class ResponseCache {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

  private final Path dir;

  ResponseCache(Path dir) {
    this.dir = dir;
  }

  /** The cache key of a request: what was sent (its content hash), the model and the prompt version. */
  static String key(String analyzer, String model, String promptVersion, String contentHash) {
    return Hashing.sha256(analyzer + "\u0000" + model + "\u0000" + promptVersion + "\u0000" + contentHash);
  }

  Optional<RemoteReply> get(String key, int frames) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RemoteReply.parse(Files.readString(file, StandardCharsets.UTF_8), frames));
    } catch (IOException | RuntimeException e) {
      LOG.debug("cached reply {} is unreadable, asking again: {}", file, e.toString());
      return Optional.empty();
    }
  }

  void put(String key, RemoteReply reply) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".reply", ".tmp");
      try {
        Files.writeString(tmp, reply.toJson().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      LOG.debug("cannot keep a reply in {}: {}", dir, e.toString()); // the reply is used; only the saving is lost
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
