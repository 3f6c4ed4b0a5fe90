package dev.tagger.stash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.ReviewQueue;
import dev.tagger.TagResult;
import dev.tagger.policy.TagHierarchy;
import dev.tagger.spi.TagSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes tagging results to Stash. Each item gets its AI tags ({@link StashTags#aiTag}) plus the done
 * tag, always in ADD mode so a person's tags are never touched; items wanting the same set of tags are
 * sent together, at most {@code batchSize} per bulk mutation. Tags in the review band go on as
 * {@code label_AI_review} (children of {@code AI_needs_review}) instead, for a person to check. A
 * scene's time segments become markers (title, start, end, primary tag; tags sharing a span share one
 * marker) unless a marker with that primary tag already starts within half a second, so tagging a scene
 * twice adds nothing. A gallery gets the AI tags of its images tagged in the run, at {@link #flush()}.
 * Failed items are not marked done, so the next run takes them again. Thread-safe.
 */
public final class StashSink implements TagSink {
  private static final Logger LOG = LoggerFactory.getLogger(StashSink.class);

  /**
   * How results are written.
   *
   * @param batchSize most items per bulk mutation
   * @param minMarkerSeconds shortest segment that becomes a marker
   * @param mergeGapSeconds a tag's segments closer than this become one marker
   * @param minMarkerSecondsByTag the shortest marker per tag name, where it differs from {@code minMarkerSeconds}
   * @param mergeGapSecondsByTag the merge gap per tag name, where it differs from {@code mergeGapSeconds}
   * @param parentTags also make each AI tag a child of its parent in the {@link TagHierarchy}
   *     ({@code malamute_AI} under {@code dog_AI} under {@code mammal_AI} under {@code animal_AI}); every AI
   *     tag stays a child of {@code AI} as well
   * @param maxReviewItems at most this many items of a run get review tags, those whose answers would teach
   *     the most ({@link ReviewQueue}); 0 for every item with review tags
   * @param createPerformers create a performer for a named person Stash has none for (else that person is
   *     left out of Stash, with a warning)
   */
  public record Options(int batchSize, double minMarkerSeconds, double mergeGapSeconds, Map<String, Double> minMarkerSecondsByTag,
      Map<String, Double> mergeGapSecondsByTag, boolean parentTags, int maxReviewItems, boolean createPerformers) {
    public static final Options DEFAULT = new Options(50, 1.0, 0.0, Map.of(), Map.of());

    public Options {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
      }
      minMarkerSecondsByTag = Map.copyOf(minMarkerSecondsByTag);
      mergeGapSecondsByTag = Map.copyOf(mergeGapSecondsByTag);
      if (maxReviewItems < 0) {
        throw new IllegalArgumentException("maxReviewItems must be >= 0, got " + maxReviewItems);
      }
    }

    public Options(int batchSize, double minMarkerSeconds, double mergeGapSeconds, Map<String, Double> minMarkerSecondsByTag,
        Map<String, Double> mergeGapSecondsByTag, boolean parentTags) {
      this(batchSize, minMarkerSeconds, mergeGapSeconds, minMarkerSecondsByTag, mergeGapSecondsByTag, parentTags, 0, false);
    }

    public Options(int batchSize, double minMarkerSeconds, double mergeGapSeconds, Map<String, Double> minMarkerSecondsByTag,
        Map<String, Double> mergeGapSecondsByTag) {
      this(batchSize, minMarkerSeconds, mergeGapSeconds, minMarkerSecondsByTag, mergeGapSecondsByTag, false);
    }

    public Options(int batchSize, double minMarkerSeconds) {
      this(batchSize, minMarkerSeconds, 0.0, Map.of(), Map.of());
    }

    public Options withParentTags(boolean on) {
      return new Options(batchSize, minMarkerSeconds, mergeGapSeconds, minMarkerSecondsByTag, mergeGapSecondsByTag, on, maxReviewItems, createPerformers);
    }

    public Options withMaxReviewItems(int items) {
      return new Options(batchSize, minMarkerSeconds, mergeGapSeconds, minMarkerSecondsByTag, mergeGapSecondsByTag, parentTags, items, createPerformers);
    }

    public Options withCreatePerformers(boolean on) {
      return new Options(batchSize, minMarkerSeconds, mergeGapSeconds, minMarkerSecondsByTag, mergeGapSecondsByTag, parentTags, maxReviewItems, on);
    }

    double minSeconds(String tag) {
      return minMarkerSecondsByTag.getOrDefault(tag, minMarkerSeconds);
    }

    double mergeGap(String tag) {
      return mergeGapSecondsByTag.getOrDefault(tag, mergeGapSeconds);
    }
  }

  private final StashClient client;
  private final StashTags tags;
  private final Map<String, StashItem> itemsByPath;
  private final Options options;
  private final Map<List<String>, List<StashItem>> pending = new HashMap<>();
  private final Map<String, TreeSet<String>> galleryTags = new HashMap<>();
  private final java.util.Set<String> writtenItems = new java.util.HashSet<>();
  private final Map<String, java.util.Set<String>> reviewLabels = new HashMap<>();
  private final List<TagResult> reviewLater = new ArrayList<>();
  private final @Nullable FeedbackStore feedback;
  private final StashPeople people;
  private int written;
  private int failed;
  private int markers;

  /** @param itemsByPath the items being tagged, by the local path the engine sees */
  public StashSink(StashClient client, StashTags tags, Map<String, StashItem> itemsByPath, Options options) {
    this(client, tags, itemsByPath, options, null);
  }

  /** @param feedback what people judged so far, which orders the review items when they are limited */
  public StashSink(StashClient client, StashTags tags, Map<String, StashItem> itemsByPath, Options options, @Nullable FeedbackStore feedback) {
    this.client = client;
    this.tags = tags;
    this.itemsByPath = Map.copyOf(itemsByPath);
    this.options = options;
    this.feedback = feedback;
    this.people = new StashPeople(client, tags, options);
  }

  @Override
  public synchronized void accept(TagResult result) {
    StashItem item = itemsByPath.get(result.path());
    if (item == null) {
      return;
    }
    if (result.error() != null) {
      failed++;
      LOG.warn("Stash {} {}: not tagged: {}", item.kind().name().toLowerCase(java.util.Locale.ROOT), item.id(), result.error().message());
      return;
    }
    try {
      TreeSet<String> ids = new TreeSet<>();
      ids.add(tags.doneTag().id());
      List<Tag> labels = result.tags().stream().filter(t -> !StashPeople.isPerson(t)).toList(); // people become performers
      for (Tag t : labels) {
        ids.add(aiTag(t).id());
      }
      for (String gallery : item.galleryIds()) {
        TreeSet<String> ai = galleryTags.computeIfAbsent(gallery, g -> new TreeSet<>());
        labels.forEach(t -> ai.add(aiTag(t).id()));
      }
      if (!result.review().isEmpty() && options.maxReviewItems() > 0) {
        reviewLater.add(result); // the most informative ones get review tags at flush
      } else if (!result.review().isEmpty()) {
        ids.addAll(reviewTagIds(item, result));
      }
      if (item.kind() == StashItem.Kind.SCENE) {
        addMarkers(item, labels);
      }
      people.accept(item, result);
      List<StashItem> group = pending.computeIfAbsent(List.copyOf(ids), k -> new ArrayList<>());
      group.add(item);
      if (group.size() >= options.batchSize()) {
        send(List.copyOf(ids), group);
        pending.remove(List.copyOf(ids));
      }
    } catch (StashException e) {
      failed++;
      LOG.warn("Stash {} {}: cannot write its tags: {}", item.kind(), item.id(), e.getMessage());
    }
  }

  private List<String> reviewTagIds(StashItem item, TagResult result) {
    List<String> ids = new ArrayList<>(List.of(tags.reviewTag().id()));
    java.util.Set<String> labels = new java.util.TreeSet<>();
    for (Tag t : result.review().stream().filter(t -> !StashPeople.isPerson(t)).toList()) {
      ids.add(tags.reviewTagFor(t.name()).id());
      labels.add(t.name());
    }
    reviewLabels.put(item.kind() + ":" + item.id(), labels);
    return ids;
  }

  /** The items of this run that teach the most get their review tags; the others' review tags are not written. */
  private void sendReview() {
    if (reviewLater.isEmpty()) {
      return;
    }
    FeedbackStore judged = feedback != null ? feedback : FeedbackStore.inMemory();
    List<String> best = ReviewQueue.items(ReviewQueue.order(reviewLater, judged));
    Map<String, TagResult> byPath = new HashMap<>();
    reviewLater.forEach(r -> byPath.put(r.path(), r));
    for (String path : best.subList(0, Math.min(options.maxReviewItems(), best.size()))) {
      StashItem item = itemsByPath.get(path);
      try {
        client.execute(item.kind().addTags(), Map.of("ids", List.of(item.id()), "tag_ids", reviewTagIds(item, byPath.get(path))));
      } catch (StashException e) {
        reviewLabels.remove(item.kind() + ":" + item.id());
        LOG.warn("Stash {} {}: cannot add its review tags: {}", item.kind(), item.id(), e.getMessage());
      }
    }
    if (feedback == null) {
      judged.close();
    }
    reviewLater.clear();
  }

  /** The labels whose review tags went on this item in this run. */
  public synchronized java.util.Set<String> reviewWritten(StashItem item) {
    return reviewLabels.getOrDefault(item.kind() + ":" + item.id(), java.util.Set.of());
  }

  private StashTags.StashTag aiTag(Tag t) {
    if (!options.parentTags()) {
      return tags.aiTag(t.name());
    }
    List<String> path = TagHierarchy.defaults().path(t);
    return tags.aiTag(t.name(), path.subList(0, path.size() - 1));
  }

  /**
   * One marker per time span: tags whose segments cover the same span share it, the surest as its primary
   * tag and title, the others as its tags.
   */
  private void addMarkers(StashItem item, List<Tag> labels) {
    Map<String, List<Map.Entry<Tag, Segment>>> bySpan = new java.util.LinkedHashMap<>();
    for (Tag t : labels) {
      for (Segment s : merged(t.segments(), options.mergeGap(t.name()))) {
        if (s.endSeconds() - s.startSeconds() >= options.minSeconds(t.name())) {
          String span = Math.round(s.startSeconds() * 2) + "-" + Math.round(s.endSeconds() * 2);
          bySpan.computeIfAbsent(span, k -> new ArrayList<>()).add(Map.entry(t, s));
        }
      }
    }
    for (List<Map.Entry<Tag, Segment>> same : bySpan.values()) {
      same.sort((a, b) -> Double.compare(b.getValue().peakConfidence(), a.getValue().peakConfidence()));
      Tag top = same.get(0).getKey();
      Segment s = same.get(0).getValue();
      List<String> others = same.stream().skip(1).map(e -> aiTag(e.getKey()).id()).distinct().toList();
      if (addMarker(client, item, top.name(), s, aiTag(top).id(), others, false)) {
        markers++;
      }
    }
  }

  /**
   * Creates a scene marker unless the scene has one with this primary tag (and, when {@code byTitle}, this
   * title) starting within half a second; returns whether it made one. Creating a marker twice makes two, so
   * before a retry the scene's markers are read back.
   */
  static boolean addMarker(StashClient client, StashItem item, String title, Segment s, String primaryTagId, List<String> tagIds, boolean byTitle) {
    boolean exists = item.markers().stream().anyMatch(m -> m.primaryTagId().equals(primaryTagId)
        && (!byTitle || m.title().equalsIgnoreCase(title)) && Math.abs(m.seconds() - s.startSeconds()) < 0.5);
    if (exists) {
      return false;
    }
    Map<String, Object> input = new HashMap<>();
    input.put("title", title);
    input.put("seconds", s.startSeconds());
    input.put("end_seconds", s.endSeconds());
    input.put("scene_id", item.id());
    input.put("primary_tag_id", primaryTagId);
    input.put("tag_ids", tagIds);
    client.execute("SceneMarkerCreate", Map.of("input", input),
        () -> existingMarker(client, item.id(), primaryTagId, byTitle ? title : null, s.startSeconds()));
    return true;
  }

  /**
   * The marker answer ({@code sceneMarkerCreate { id }}) when the scene already has this marker (with this title,
   * when one is given), else null.
   */
  private static @Nullable JsonNode existingMarker(StashClient client, String sceneId, String primaryTagId, @Nullable String title, double seconds) {
    try {
      JsonNode scene = client.execute("FindSceneMarkers", Map.of("id", sceneId)).path("findScene");
      for (JsonNode m : scene.path("scene_markers")) {
        if (m.path("primary_tag").path("id").asText().equals(primaryTagId) && Math.abs(m.path("seconds").asDouble() - seconds) < 0.5
            && (title == null || m.path("title").asText().equalsIgnoreCase(title))) {
          ObjectNode answer = JsonNodeFactory.instance.objectNode();
          answer.putObject("sceneMarkerCreate").put("id", m.path("id").asText());
          return answer;
        }
      }
      return null;
    } catch (StashException e) {
      // cannot tell: failing this marker is safer than sending it again and making two; the next run looks again
      throw new StashException("cannot tell whether the marker was made: " + e.getMessage(), e.status(), e);
    }
  }

  /** Segments closer than {@code gap} joined into one. */
  static List<Segment> merged(List<Segment> segments, double gap) {
    List<Segment> sorted = new ArrayList<>(segments);
    sorted.sort(java.util.Comparator.comparingDouble(Segment::startSeconds));
    List<Segment> out = new ArrayList<>();
    for (Segment s : sorted) {
      Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.startSeconds() - last.endSeconds() <= gap) {
        out.set(out.size() - 1, new Segment(last.startSeconds(), Math.max(last.endSeconds(), s.endSeconds()),
            Math.max(last.peakConfidence(), s.peakConfidence()), (last.meanConfidence() + s.meanConfidence()) / 2));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private void send(List<String> tagIds, List<StashItem> items) {
    Map<StashItem.Kind, List<String>> byKind = new HashMap<>();
    for (StashItem i : items) {
      byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i.id());
    }
    byKind.forEach((kind, ids) -> {
      try {
        client.execute(kind.addTags(), Map.of("ids", ids, "tag_ids", tagIds));
        written += ids.size();
        ids.forEach(id -> writtenItems.add(kind + ":" + id));
      } catch (StashException e) {
        failed += ids.size();
        LOG.warn("Stash: cannot add tags to {} {}s: {}", ids.size(), kind.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
      }
    });
  }

  @Override
  public synchronized void flush() {
    pending.forEach(this::send);
    pending.clear();
    people.flush();
    sendReview();
    Map<List<String>, List<String>> byTags = new HashMap<>();
    galleryTags.forEach((gallery, ids) -> {
      if (!ids.isEmpty()) {
        byTags.computeIfAbsent(List.copyOf(ids), k -> new ArrayList<>()).add(gallery);
      }
    });
    byTags.forEach((tagIds, galleries) -> {
      for (int i = 0; i < galleries.size(); i += options.batchSize()) {
        List<String> batch = galleries.subList(i, Math.min(galleries.size(), i + options.batchSize()));
        try {
          client.execute(StashItem.Kind.GALLERY.addTags(), Map.of("ids", batch, "tag_ids", tagIds));
        } catch (StashException e) {
          LOG.warn("Stash: cannot add tags to {} galleries: {}", batch.size(), e.getMessage());
        }
      }
    });
    galleryTags.clear();
  }

  @Override
  public void close() {
    flush();
  }

  /** True once this item's tags were written (after {@link #flush()} for the last batch). */
  public synchronized boolean wasWritten(StashItem item) {
    return writtenItems.contains(item.kind() + ":" + item.id());
  }

  /** The named people whose performers are on this item after this run's writes, name to performer id (after {@link #flush()}). */
  public synchronized Map<String, String> peopleWritten(StashItem item) {
    return people.written(item);
  }

  /** Items whose tags were written, items that failed, and markers created so far. */
  public synchronized int[] counts() {
    return new int[] {written, failed + people.failed(), markers + people.markers()};
  }
}
