package dev.tagger.spi;

import dev.tagger.TimeSpan;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A picture an analyzer looks at: a still (no span) or a sampled video frame (the instant it shows). */
public record Picture(RgbImage image, @Nullable TimeSpan span) {
  public Picture {
    Objects.requireNonNull(image, "image");
  }
}
