package dev.tagger;

import dev.tagger.internal.ContentSniffer;
import dev.tagger.model.Hashing;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One media item: a local file, its kind sniffed from its content, a lazily computed SHA-256 content
 * hash, and what the item already says about itself (title, description, tags a person gave it).
 *
 * <p>Thread-safe. The kind and the hash are computed at most once and remembered; computing them reads
 * the file and throws {@link MediaException} naming the file when it cannot be read.
 */
public final class Media {
  private final Path path;
  private final @Nullable String title;
  private final @Nullable String description;
  private final List<String> existingTags;
  private volatile @Nullable MediaKind kind;
  private volatile @Nullable String sha256;

  private Media(Builder builder) {
    this.path = builder.path;
    this.title = builder.title;
    this.description = builder.description;
    this.existingTags = List.copyOf(builder.existingTags);
  }

  public static Media of(Path path) {
    return builder(path).build();
  }

  /** A media item at a {@code file:} URI; other schemes are refused with a clear message. */
  public static Media of(URI uri) {
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          "only file: URIs can be tagged, got " + uri + "; download the item first and pass its path");
    }
    return of(Path.of(uri));
  }

  public static Builder builder(Path path) {
    return new Builder(path);
  }

  public Path path() {
    return path;
  }

  /**
   * The path as a string, the way results and errors name this item. A name that is not valid in the
   * file system's encoding (bytes that are not UTF-8) cannot be written as a string without losing them:
   * such an item is named by its {@code file:} URI instead, whose percent-escapes keep every byte
   * ({@code file:///photos/caf%E9.jpg}), so its result can be matched back to its file.
   */
  public String id() {
    String s = path.toString();
    if (s.indexOf('\uFFFD') >= 0 && !Path.of(s).equals(path)) {
      return path.toAbsolutePath().toUri().toString();
    }
    return s;
  }

  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public List<String> existingTags() {
    return existingTags;
  }

  /** The kind, sniffed from the first bytes of the file. */
  public MediaKind kind() {
    MediaKind k = kind;
    if (k == null) {
      k = ContentSniffer.sniff(path);
      kind = k;
    }
    return k;
  }

  /** Lower-case hex SHA-256 of the file's bytes. */
  public String sha256() {
    String h = sha256;
    if (h == null) {
      h = Hashing.sha256(path);
      sha256 = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "Media[" + path + "]";
  }

  /** Builds a {@link Media}; not thread-safe. */
  public static final class Builder {
    private final Path path;
    private @Nullable String title;
    private @Nullable String description;
    private List<String> existingTags = List.of();

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    public Builder title(String value) {
      this.title = Objects.requireNonNull(value, "title");
      return this;
    }

    public Builder description(String value) {
      this.description = Objects.requireNonNull(value, "description");
      return this;
    }

    public Builder existingTags(List<String> tags) {
      this.existingTags = List.copyOf(tags);
      return this;
    }

    public Media build() {
      return new Media(this);
    }
  }
}
