package dev.tagger.people;

import dev.tagger.Box;
import org.jspecify.annotations.Nullable;

/**
 * One face seen in an item: its descriptor, where it is, and how clearly it was seen.
 *
 * @param id the store's id of the face
 * @param seconds where in a video it was seen, null for a still
 * @param cluster the cluster it belongs to, 0 while it belongs to none
 */
public record Face(long id, String sha256, @Nullable String path, Box box, @Nullable Double seconds, float[] vector, double score, long cluster) {
  Face withCluster(long value) {
    return new Face(id, sha256, path, box, seconds, vector, score, value);
  }
}
