package dev.tagger.spi;

import dev.tagger.Box;
import org.jspecify.annotations.Nullable;

/**
 * A face an analyzer saw, as its identity descriptor: where it is (box; time in a video, null for a still)
 * and the detector's score. Descriptors go to the people store only, never into the result store or a sink.
 */
public record FaceSample(float[] vector, Box box, @Nullable Double seconds, double score) {}
