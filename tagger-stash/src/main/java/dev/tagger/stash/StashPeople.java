package dev.tagger.stash;

import dev.tagger.Category;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named people of tagged items ({@link Category#PERSON} tags) written to Stash: each person's performer
 * ({@link StashPerformers}: exact name or alias, created only when allowed) is added to the scene or image in
 * ADD mode, items wanting the same performers sent together; in a scene, each span where they appear becomes
 * a marker titled with their name under {@code AI_people}, unless one with that title already starts within
 * half a second. A person Stash has no performer for is left out altogether (no marker either), with one
 * warning a run; each name is looked up once a run. Not thread-safe: the {@link StashSink} holding it
 * serialises calls.
 */
final class StashPeople {
  private static final Logger LOG = LoggerFactory.getLogger(StashPeople.class);

  private final StashClient client;
  private final StashTags tags;
  private final StashPerformers performers;
  private final StashSink.Options options;
  private final Map<List<String>, List<StashItem>> pending = new HashMap<>();
  private final Map<String, Map<String, String>> pendingNames = new HashMap<>();
  private final Map<String, Map<String, String>> written = new HashMap<>();
  private final Map<String, java.util.Optional<String>> resolved = new HashMap<>();
  private int markers;
  private int failed;

  StashPeople(StashClient client, StashTags tags, StashSink.Options options) {
    this.client = client;
    this.tags = tags;
    this.options = options;
    this.performers = new StashPerformers(client, options.createPerformers());
  }

  static boolean isPerson(Tag t) {
    return t.category() == Category.PERSON;
  }

  /** Queues the item's performers and, for a scene, makes its people markers. */
  void accept(StashItem item, TagResult result) {
    List<Tag> people = result.tags().stream().filter(StashPeople::isPerson).toList();
    if (people.isEmpty()) {
      return;
    }
    TreeSet<String> ids = new TreeSet<>();
    Map<String, String> names = new java.util.LinkedHashMap<>();
    for (Tag person : people) {
      String id = performerId(person.name());
      if (id == null) {
        continue; // not in Stash at all, markers included
      }
      names.put(person.name(), id);
      if (!item.performers().containsKey(id)) {
        ids.add(id);
      }
      if (item.kind() == StashItem.Kind.SCENE) {
        addMarkers(item, person);
      }
    }
    if (ids.isEmpty()) {
      written.put(key(item), names); // every one is on the item already
      return;
    }
    pendingNames.put(key(item), names);
    List<StashItem> group = pending.computeIfAbsent(List.copyOf(ids), k -> new ArrayList<>());
    group.add(item);
    if (group.size() >= options.batchSize()) {
      send(List.copyOf(ids), pending.remove(List.copyOf(ids)));
    }
  }

  private @org.jspecify.annotations.Nullable String performerId(String name) {
    return resolved.computeIfAbsent(StashTags.key(name), k -> {
      try {
        var found = performers.forPerson(name);
        if (found.isEmpty()) {
          LOG.warn("Stash has no performer named '{}' (name or alias); allow creating performers to have one made, or name the person"
              + " as the performer is named", name);
        }
        return found.map(StashPerformers.StashPerformer::id);
      } catch (StashException e) {
        LOG.warn("'{}' is not added to Stash: {}", name, e.getMessage());
        return java.util.Optional.empty();
      }
    }).orElse(null);
  }

  private void addMarkers(StashItem item, Tag person) {
    String primary = tags.peopleTag().id();
    for (Segment s : StashSink.merged(person.segments(), options.mergeGap(person.name()))) {
      if (s.endSeconds() - s.startSeconds() < options.minSeconds(person.name())) {
        continue;
      }
      try {
        if (StashSink.addMarker(client, item, person.name(), s, primary, List.of(), true)) {
          markers++;
        }
      } catch (StashException e) {
        LOG.warn("Stash scene {}: cannot add the marker of {} at {} s: {}", item.id(), person.name(), s.startSeconds(), e.getMessage());
      }
    }
  }

  private void send(List<String> performerIds, List<StashItem> items) {
    Map<StashItem.Kind, List<StashItem>> byKind = new HashMap<>();
    items.forEach(i -> byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i));
    byKind.forEach((kind, group) -> {
      try { // ADD is safe to send again: a performer already there stays once
        client.execute(kind.addPerformers(), Map.of("ids", group.stream().map(StashItem::id).toList(), "performer_ids", performerIds));
        group.forEach(i -> written.put(key(i), pendingNames.remove(key(i))));
      } catch (StashException e) {
        failed += group.size();
        group.forEach(i -> pendingNames.remove(key(i)));
        LOG.warn("Stash: cannot add performers to {} {}s: {}", group.size(), kind.name().toLowerCase(Locale.ROOT), e.getMessage());
      }
    });
  }

  void flush() {
    pending.forEach(this::send);
    pending.clear();
  }

  /** The people whose performers are on this item after this run's writes, name to performer id. */
  Map<String, String> written(StashItem item) {
    return written.getOrDefault(key(item), Map.of());
  }

  int markers() {
    return markers;
  }

  int failed() {
    return failed;
  }

  private static String key(StashItem item) {
    return item.kind() + ":" + item.id();
  }
}
