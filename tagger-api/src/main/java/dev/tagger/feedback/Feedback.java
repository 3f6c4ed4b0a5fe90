package dev.tagger.feedback;

import dev.tagger.Tag;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One correction a person made: a tag on an item (named by its content hash, so that a moved or renamed
 * file keeps its corrections), the verdict, where it came from and when.
 *
 * @param path where the item was when the person corrected it, for people to read; may be null
 * @param tag the tag's name as the tagger gave it (without a sink's decoration such as {@code _AI})
 * @param renameTo the new name, for {@link Verdict#RENAME} only
 * @param confidence the tag's calibrated confidence when it was judged, when known: what lets the label's
 *     threshold learn from the verdict
 * @param origin where the correction came from: {@code stash}, {@code xmp}, {@code file}, {@code api}, {@code review}
 */
public record Feedback(String sha256, @Nullable String path, String tag, Verdict verdict, @Nullable String renameTo,
    @Nullable Double confidence, String origin, Instant at) {
  public Feedback {
    if (sha256 == null || sha256.isBlank()) {
      throw new IllegalArgumentException("feedback needs the item's sha256");
    }
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("feedback needs a tag");
    }
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(at, "at");
    if ((verdict == Verdict.RENAME) != (renameTo != null && !renameTo.isBlank())) {
      throw new IllegalArgumentException(verdict == Verdict.RENAME ? "a rename needs renameTo" : "only a rename has renameTo");
    }
    if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  public static Feedback of(String sha256, String tag, Verdict verdict, String origin) {
    return new Feedback(sha256, null, tag, verdict, null, null, origin, Instant.now());
  }

  public Feedback withConfidence(@Nullable Double value) {
    return new Feedback(sha256, path, tag, verdict, renameTo, value, origin, at);
  }

  public Feedback withPath(@Nullable String value) {
    return new Feedback(sha256, value, tag, verdict, renameTo, confidence, origin, at);
  }

  /** The case-insensitive key of the tag, as {@link Tag#key(String)} gives it. */
  public String key() {
    return Tag.key(tag);
  }
}
