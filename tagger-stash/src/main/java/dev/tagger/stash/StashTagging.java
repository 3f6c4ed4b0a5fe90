package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.feedback.FeedbackStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Tags a Stash library, and takes our tags off it again. {@link #tag} lists the selected scenes or images
 * ({@link StashLibrary}), maps their paths to local files ({@link PathMap}), runs the tagger on them and
 * writes through a {@link StashSink}; {@link #reset} removes every AI tag and AI marker and leaves every
 * tag a person set. Both can run again safely: a second run finds what the first made.
 */
public final class StashTagging {
  /**
   * What a run did; {@code requests} counts every HTTP request to Stash, retries included; {@code failedIds}
   * names the items that were not written.
   */
  public record Report(int items, int written, int failed, int markers, long requests, double seconds, List<String> failedIds) {
    public Report {
      failedIds = List.copyOf(failedIds);
    }

    Report(int items, int written, int failed, int markers, long requests, double seconds) {
      this(items, written, failed, markers, requests, seconds, List.of());
    }
  }

  private final StashClient client;
  private final PathMap paths;
  private final StashSink.Options options;
  private final @Nullable FeedbackStore feedback;
  private final boolean details;

  public StashTagging(StashClient client, PathMap paths, StashSink.Options options) {
    this(client, paths, options, null, false);
  }

  private StashTagging(StashClient client, PathMap paths, StashSink.Options options, @Nullable FeedbackStore feedback, boolean details) {
    this.client = client;
    this.paths = paths;
    this.options = options;
    this.feedback = feedback;
    this.details = details;
  }

  public StashClient client() {
    return client;
  }

  public PathMap paths() {
    return paths;
  }

  /**
   * This, learning from people: each run reads what they changed on the items it lists since we wrote them
   * ({@link StashCorrections}), tags with what they said, and remembers what it wrote.
   */
  public StashTagging withFeedback(FeedbackStore store) {
    return new StashTagging(client, paths, options, store, details);
  }

  /**
   * This, writing a model's caption or summary (a remote analyzer's) as a scene's details where the scene has none;
   * off by default.
   */
  public StashTagging withSceneDetails(boolean on) {
    return new StashTagging(client, paths, options, feedback, on);
  }

  /**
   * Tags the scenes or images the filter selects with a tagger built from {@code builder} (which gets the
   * Stash sink added).
   *
   * @param onlyUntagged take only items without the done tag
   * @param pathPrefix take only items whose Stash path starts with this
   */
  public Report tag(Tagger.Builder builder, StashItem.Kind kind, boolean onlyUntagged, @Nullable String pathPrefix) {
    return tag(builder, kind, onlyUntagged, pathPrefix, null);
  }

  /**
   * As {@link #tag(Tagger.Builder, StashItem.Kind, boolean, String)}, taking only items that carry the tag
   * named {@code withTag} (or one of its children) when it is given.
   */
  public Report tag(Tagger.Builder builder, StashItem.Kind kind, boolean onlyUntagged, @Nullable String pathPrefix, @Nullable String withTag) {
    return tag(builder, kind, select(kind, onlyUntagged, pathPrefix, withTag));
  }

  /**
   * The scenes or images a run with these filters takes, as {@link #tag(Tagger.Builder, StashItem.Kind,
   * boolean, String, String)} lists them; a {@code withTag} Stash does not have is a {@link StashException}.
   */
  public List<StashItem> select(StashItem.Kind kind, boolean onlyUntagged, @Nullable String pathPrefix, @Nullable String withTag) {
    StashTags tags = new StashTags(client);
    String withTagId = withTag == null ? null
        : tags.find(withTag).orElseThrow(() -> new StashException("Stash has no tag named '" + withTag + "'", 0)).id();
    return new StashLibrary(client, 100).list(kind, new StashLibrary.Filter(onlyUntagged ? tags.doneTag().id() : null, pathPrefix, withTagId));
  }

  /** The items waiting in {@code AI_queue} (a person put them there to have them tagged again); none when it does not exist. */
  public List<StashItem> queued(StashItem.Kind kind, @Nullable String pathPrefix) {
    return new StashTags(client).find(QUEUE).isPresent() ? select(kind, false, pathPrefix, QUEUE) : List.of();
  }

  /** Tags these items (as {@link #select} lists them) with a tagger built from {@code builder}, which gets the Stash sink added. */
  public Report tag(Tagger.Builder builder, StashItem.Kind kind, List<StashItem> items) {
    long start = System.nanoTime();
    long requestsBefore = client.requests();
    StashTags tags = new StashTags(client);
    Map<String, StashItem> byPath = new LinkedHashMap<>();
    List<Media> media = new ArrayList<>();
    for (StashItem item : items) {
      if (item.path() == null) {
        continue;
      }
      Media.Builder local = Media.builder(paths.toLocal(item.path()));
      if (item.title() != null && !item.title().isBlank()) {
        local.title(item.title()); // read by the text analyzers and kept in the search index
      }
      Media m = local.build();
      if (byPath.putIfAbsent(m.path().toString(), item) == null) {
        media.add(m);
      }
    }
    StashCorrections corrections = feedback == null ? null : new StashCorrections(feedback, tags);
    if (corrections != null) {
      corrections.read(items); // before tagging, so that a tag a person removed is not put back in this run
      builder.feedback(feedback);
    }
    StashSink sink = new StashSink(client, tags, byPath, options, feedback);
    if (details && kind == StashItem.Kind.SCENE) {
      builder.sink(new StashDetailsSink(client, byPath));
    }
    BatchSummary summary = builder.sink(sink).build().tagAll(media);
    sink.flush();
    if (corrections != null) {
      for (TagResult r : summary.results()) {
        StashItem item = byPath.get(r.path());
        if (item != null && r.succeeded() && sink.wasWritten(item)) {
          java.util.Set<String> review = sink.reviewWritten(item);
          corrections.remember(item, new TagResult(r.path(), r.kind(), r.sha256(), r.tags(),
              r.review().stream().filter(t -> review.contains(t.name())).toList(), r.texts(), null, r.fromCache(), r.millis(), r.partial()),
              sink.peopleWritten(item));
        }
      }
    }
    unqueue(kind, tags, summary, byPath);
    int[] counts = sink.counts();
    List<String> failedIds = new ArrayList<>();
    for (TagResult r : summary.results()) {
      StashItem item = byPath.get(r.path());
      if (item != null && (r.error() != null || !sink.wasWritten(item))) {
        failedIds.add(item.id());
      }
    }
    return new Report(summary.total(), counts[0], counts[1], counts[2], client.requests() - requestsBefore, (System.nanoTime() - start) / 1e9,
        failedIds);
  }

  /**
   * Applies what people reviewed. On items a person marked {@code AI_reviewed}, every
   * {@code label_AI_review} tag still there becomes {@code label_AI} (the ones the person removed stay
   * gone), and the review tags go. On items a person marked {@code AI_wrong}, the AI tags come off; the item
   * keeps {@code AI_tagged}, so it is not tagged again. With feedback ({@link #withFeedback}), what people
   * changed on every tagged item, the review answers and the wrong marks are recorded as corrections first.
   */
  public Report review(StashItem.Kind kind) {
    long start = System.nanoTime();
    long requestsBefore = client.requests();
    StashTags tags = new StashTags(client);
    StashLibrary library = new StashLibrary(client, 100);
    StashCorrections corrections = feedback == null ? null : new StashCorrections(feedback, tags);
    if (corrections != null) {
      corrections.read(library.list(kind, new StashLibrary.Filter(null, null, tags.doneTag().id())));
    }
    String add = kind.addTags();
    String remove = kind.removeTags();
    String reviewed = tags.reviewedTag().id();
    String needsReview = tags.reviewTag().id();
    int applied = 0;
    for (StashItem item : library.list(kind, new StashLibrary.Filter(null, null, reviewed))) {
      if (corrections != null) {
        corrections.review(item, false);
      }
      List<String> accepted = new ArrayList<>();
      List<String> drop = new ArrayList<>(List.of(reviewed, needsReview));
      item.tags().forEach((id, name) -> {
        String label = tags.labelOf(name);
        if (label != null && name.endsWith(StashTags.REVIEW_SUFFIX)) {
          accepted.add(tags.aiTag(label).id());
          drop.add(id);
        }
      });
      if (!accepted.isEmpty()) {
        client.execute(add, Map.of("ids", List.of(item.id()), "tag_ids", accepted));
      }
      client.execute(remove, Map.of("ids", List.of(item.id()), "tag_ids", drop));
      applied++;
    }
    String wrong = tags.wrongTag().id();
    String done = tags.doneTag().id();
    int judged = 0;
    for (StashItem item : library.list(kind, new StashLibrary.Filter(null, null, wrong))) {
      if (corrections != null) {
        corrections.review(item, true);
      }
      List<String> drop = new ArrayList<>(List.of(wrong));
      item.tags().forEach((id, name) -> {
        if (tags.labelOf(name) != null && !id.equals(done)) {
          drop.add(id);
        }
      });
      client.execute(remove, Map.of("ids", List.of(item.id()), "tag_ids", drop));
      judged++;
    }
    return new Report(applied + judged, applied, judged, 0, client.requests() - requestsBefore, (System.nanoTime() - start) / 1e9);
  }

  /** Takes {@code AI_queue} off the items that were tagged, in batches. */
  private void unqueue(StashItem.Kind kind, StashTags tags, BatchSummary summary, Map<String, StashItem> byPath) {
    List<String> queued = new ArrayList<>();
    String queue = tags.find(QUEUE).map(StashTags.StashTag::id).orElse(null);
    if (queue == null || kind == StashItem.Kind.GALLERY) {
      return;
    }
    summary.results().stream().filter(r -> r.error() == null).map(r -> byPath.get(r.path()))
        .filter(i -> i != null && i.tagIds().contains(queue)).forEach(i -> queued.add(i.id()));
    client.bulkTags(kind.removeTags(), queued, List.of(queue), options.batchSize());
  }

  static final String QUEUE = "AI_queue";

  /** Removes every AI tag and every marker whose primary tag is an AI tag from all scenes or images. */
  public Report reset(StashItem.Kind kind) {
    long start = System.nanoTime();
    long requestsBefore = client.requests();
    StashTags tags = new StashTags(client);
    String parent = tags.aiParent().id();
    Set<String> ours = new HashSet<>(List.of(parent));
    JsonNode found = client.execute("FindTags", Map.of("filter", Map.of("per_page", -1),
        "tag_filter", Map.of("parents", Map.of("value", List.of(parent), "modifier", "INCLUDES", "depth", -1))));
    found.path("findTags").path("tags").forEach(t -> ours.add(t.path("id").asText()));
    List<StashItem> items = new StashLibrary(client, 100).list(kind, new StashLibrary.Filter(null, null, parent));
    Map<List<String>, List<String>> groups = new HashMap<>();
    int markers = 0;
    for (StashItem item : items) {
      TreeSet<String> remove = new TreeSet<>(item.tagIds());
      remove.retainAll(ours);
      if (!remove.isEmpty()) {
        groups.computeIfAbsent(List.copyOf(remove), k -> new ArrayList<>()).add(item.id());
      }
      for (StashItem.Marker m : item.markers()) {
        if (ours.contains(m.primaryTagId())) {
          client.execute("SceneMarkerDestroy", Map.of("id", m.id()));
          markers++;
        }
      }
    }
    int written = 0;
    for (Map.Entry<List<String>, List<String>> g : groups.entrySet()) {
      client.bulkTags(kind.removeTags(), g.getValue(), g.getKey(), options.batchSize());
      written += g.getValue().size();
    }
    return new Report(items.size(), written, 0, markers, client.requests() - requestsBefore, (System.nanoTime() - start) / 1e9);
  }
}
