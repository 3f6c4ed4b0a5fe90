package dev.tagger.internal;

import dev.tagger.ItemError;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.feedback.FeedbackPolicy;
import dev.tagger.people.PeopleStore;
import dev.tagger.people.PersonTags;
import dev.tagger.policy.TagPolicy;
import dev.tagger.rules.RuleChain;
import dev.tagger.spi.ResultStore;
import dev.tagger.spi.StoredAnalysis;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One item's journey: sniff, hash, look up the result store, analyze (in this JVM or in a worker
 * process), store, apply the policy, the rules and what people said (feedback). Never throws for a bad item: the failure becomes the
 * result's {@link ItemError}. Immutable and thread-safe.
 */
public final class ItemPipeline {
  private final ItemAnalysis analysis;
  private final TagPolicy policy;
  private final RuleChain rules;
  private final @Nullable ResultStore store;
  private final @Nullable FeedbackPolicy feedback;
  private final @Nullable PeopleStore people;

  public ItemPipeline(ItemAnalysis analysis, TagPolicy policy, RuleChain rules, @Nullable ResultStore store,
      @Nullable FeedbackPolicy feedback, @Nullable PeopleStore people) {
    this.analysis = analysis;
    this.policy = policy;
    this.rules = rules;
    this.store = store;
    this.feedback = feedback;
    this.people = people;
  }

  /** The analysis's fingerprint ({@link ItemAnalysis#fingerprint()}). */
  public String fingerprint() {
    return analysis.fingerprint();
  }

  public TagResult run(Media media, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    MediaKind kind = MediaKind.UNKNOWN;
    String sha = null;
    try {
      kind = media.kind();
      if (kind == MediaKind.UNKNOWN) {
        return failed(media, kind, null, "sniff", media.id()
            + ": unrecognised content: not an image, video, audio or text file this version can read", start);
      }
      Optional<MediaKind> promised = MediaExtensions.promisedBy(media.path());
      if (kind == MediaKind.TEXT && promised.isPresent()) {
        return failed(media, kind, null, "sniff", media.id() + ": named like " + article(promised.get())
            + " file but holds plain text; it is not a media file", start);
      }
      sha = media.sha256();
    } catch (MediaException e) {
      return failed(media, kind, sha, "read", e.getMessage(), start);
    }
    String key = sha + ":" + kind + ":" + analysis.fingerprint();
    Optional<StoredAnalysis> stored = store == null ? Optional.empty() : store.get(key);
    StoredAnalysis found;
    if (stored.isPresent()) {
      found = stored.get();
    } else {
      try {
        found = analysis.analyze(media, kind, cancelled);
      } catch (CancellationException e) {
        return failed(media, kind, sha, "cancelled", media.id() + ": cancelled before it finished", start);
      } catch (AnalysisFailure e) {
        return failed(media, kind, sha, e.stage(), e.getMessage(), start);
      }
      if (people != null) {
        people.add(sha, media.id(), found.faces()); // descriptors go to the people store, and only there (once an item)
      }
      found = found.withoutFaces();
      if (store != null && found.complete()) { // an analyzer that could not look this time is asked again next run
        store.put(key, found.toKeep());
      }
    }
    List<Tag> tags;
    try {
      tags = policy.apply(found.tags());
      if (people != null) { // named people join before the rules and what people said, which may veto them too
        tags = new java.util.ArrayList<>(tags);
        tags.addAll(PersonTags.of(people, sha));
      }
      tags = rules.apply(tags);
      if (feedback != null) {
        tags = feedback.apply(sha, tags); // what people said about this item and these labels has the last word
      }
    } catch (RuntimeException e) {
      return failed(media, kind, sha, "rules", media.id() + ": " + e.getMessage(), start);
    }
    return new TagResult(media.id(), kind, sha,
        tags.stream().filter(t -> !t.review()).toList(),
        tags.stream().filter(Tag::review).toList(),
        withOwnTexts(found.texts(), media), null, stored.isPresent(), elapsedMillis(start), partial(found),
        stored.isPresent() ? java.util.Map.of() : found.millis(), stored.isPresent() ? java.util.Map.of() : found.usage());
  }

  /**
   * The texts found in the item, then the title and description it came with (they belong to this item, not to its
   * content, so they are added here and never kept in the result store).
   */
  private static List<dev.tagger.TextItem> withOwnTexts(List<dev.tagger.TextItem> found, Media media) {
    if (media.title().isEmpty() && media.description().isEmpty()) {
      return found;
    }
    List<dev.tagger.TextItem> all = new java.util.ArrayList<>();
    media.title().ifPresent(t -> all.add(new dev.tagger.TextItem("title", t, null, null)));
    media.description().ifPresent(d -> all.add(new dev.tagger.TextItem("description", d, null, null)));
    all.addAll(found);
    return all;
  }

  /** What may be missing from the item's tags: analyzers cut short, then those that could not look this time. */
  private static List<String> partial(StoredAnalysis found) {
    if (found.unavailable().isEmpty()) {
      return found.partial();
    }
    List<String> all = new java.util.ArrayList<>(found.partial());
    all.addAll(found.unavailable());
    return all;
  }

  private static String article(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> "an image";
      case AUDIO -> "an audio";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static TagResult failed(Media media, MediaKind kind, @Nullable String sha, String stage, String message, long start) {
    return TagResult.failed(media.id(), kind, sha, new ItemError(stage, message), elapsedMillis(start));
  }

  static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
