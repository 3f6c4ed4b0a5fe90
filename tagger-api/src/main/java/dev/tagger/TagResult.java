package dev.tagger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome for one item: its applied tags, the tags waiting for review, the texts found in it, or
 * the error that stopped it. A failed item still names its path so that a batch report is complete.
 *
 * @param sha256 content hash, absent when the file could not be read
 * @param fromCache true when the analysis was taken from the result store instead of being run again
 * @param millis wall time spent on the item
 * @param partial the analyzers a time limit cut short (what they found is kept; tags may be missing), by id,
 *     and {@code "text (first 1 MB)"} when only the start of a huge text file was read
 * @param analyzerMillis where the analysis spent its time: wall milliseconds by analyzer id and
 *     {@code decode} (empty when it came from the store or failed)
 * @param usage what remote analyzers spent on it, by {@code analyzerId.counter} ({@code remote-vision.requests},
 *     {@code remote-text.tokens_in}); empty when it came from the store or none ran
 */
public record TagResult(
    String path,
    MediaKind kind,
    @Nullable String sha256,
    List<Tag> tags,
    List<Tag> review,
    List<TextItem> texts,
    @Nullable ItemError error,
    boolean fromCache,
    long millis,
    List<String> partial,
    java.util.Map<String, Double> analyzerMillis,
    java.util.Map<String, Long> usage) {

  public TagResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    tags = List.copyOf(tags);
    review = List.copyOf(review);
    texts = List.copyOf(texts);
    partial = List.copyOf(partial);
    analyzerMillis = analyzerMillis == null ? java.util.Map.of() : java.util.Map.copyOf(analyzerMillis);
    usage = usage == null ? java.util.Map.of() : java.util.Map.copyOf(usage);
  }

  public TagResult(String path, MediaKind kind, @Nullable String sha256, List<Tag> tags, List<Tag> review, List<TextItem> texts,
      @Nullable ItemError error, boolean fromCache, long millis, List<String> partial, java.util.Map<String, Double> analyzerMillis) {
    this(path, kind, sha256, tags, review, texts, error, fromCache, millis, partial, analyzerMillis, java.util.Map.of());
  }

  public TagResult(String path, MediaKind kind, @Nullable String sha256, List<Tag> tags, List<Tag> review, List<TextItem> texts,
      @Nullable ItemError error, boolean fromCache, long millis, List<String> partial) {
    this(path, kind, sha256, tags, review, texts, error, fromCache, millis, partial, java.util.Map.of());
  }

  public TagResult(String path, MediaKind kind, @Nullable String sha256, List<Tag> tags, List<Tag> review, List<TextItem> texts,
      @Nullable ItemError error, boolean fromCache, long millis) {
    this(path, kind, sha256, tags, review, texts, error, fromCache, millis, List.of());
  }

  /** True when a time limit cut some analyzer short ({@link #partial} names them): tags may be missing. */
  public boolean isPartial() {
    return !partial.isEmpty();
  }

  public static TagResult failed(String path, MediaKind kind, @Nullable String sha256, ItemError error, long millis) {
    return new TagResult(path, kind, sha256, List.of(), List.of(), List.of(), error, false, millis);
  }

  public boolean succeeded() {
    return error == null;
  }

  /**
   * The description a model wrote for the item, for sinks that keep one (an XMP {@code dc:description}, Stash's
   * details): its one-sentence {@code caption} (what a vision model saw; else {@code about}, what a language model read),
   * then its {@code summary} when the text was long; empty when no model wrote one.
   */
  public Optional<String> description() {
    String caption = firstText("caption").or(() -> firstText("about")).orElse("");
    String summary = firstText("summary").orElse("");
    String both = (caption + (caption.isEmpty() || summary.isEmpty() ? "" : "\n\n") + summary).strip();
    return both.isEmpty() ? Optional.empty() : Optional.of(both);
  }

  private Optional<String> firstText(String kind) {
    return texts.stream().filter(t -> t.kind().equals(kind) && t.source() != null && !t.text().isBlank()).map(t -> t.text().strip()).findFirst();
  }

  /** The applied tag with this name (case-insensitive), if any. */
  public Optional<Tag> tag(String name) {
    String key = Tag.key(name);
    return tags.stream().filter(t -> t.key().equals(key)).findFirst();
  }
}
