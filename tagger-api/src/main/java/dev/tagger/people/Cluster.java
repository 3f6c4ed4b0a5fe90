package dev.tagger.people;

import org.jspecify.annotations.Nullable;

/**
 * A group of faces taken to be one person; ids are stable across runs.
 *
 * @param name the person's name once someone gave it, else null
 * @param fromOneFace true when the person was named from a single face: others join it only at a stricter distance
 */
public record Cluster(long id, @Nullable String name, boolean fromOneFace) {}
