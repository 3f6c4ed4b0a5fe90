package dev.tagger.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Every correction people made, kept in one file ({@code feedback.mv.db}) with H2's MVStore: a
 * log-structured store that commits whole chunks, so a crash or a {@code kill -9} keeps everything up to the
 * last {@link #record} and never a torn entry. Beside the corrections it keeps what each sink last wrote to
 * each item ({@link Written}), so that what a person changed in Stash or in a sidecar can be told apart from
 * what we wrote. One process at a time may open a store (the file is locked). Thread-safe.
 */
public final class FeedbackStore implements AutoCloseable {
  static final String FILE = "feedback.mv.db";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final @Nullable Path file;
  private MVStore store;
  private MVMap<Long, String> events;
  private MVMap<String, String> written;
  private final List<Feedback> all = new ArrayList<>();
  private final Map<String, List<Feedback>> byItem = new HashMap<>();
  private final Map<String, String> renames = new LinkedHashMap<>();
  private long next;

  private FeedbackStore(@Nullable Path file, MVStore store) {
    this.file = file;
    this.store = store;
    this.events = store.openMap("events");
    this.written = store.openMap("written");
    for (Map.Entry<Long, String> e : events.entrySet()) {
      index(read(e.getValue()));
      next = Math.max(next, e.getKey() + 1);
    }
  }

  /** Opens (creating if needed) the store in {@code dir}; the caller closes it. */
  public static FeedbackStore open(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      return new FeedbackStore(file, new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
    } catch (MVStoreException e) {
      throw new TaggerException("cannot open the feedback store " + file + ": " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains("locked") ? "; another tagger is using it" : ""), e);
    } catch (IOException e) {
      throw new TaggerException("cannot create " + dir + " for the feedback store: " + e.getMessage(), e);
    }
  }

  /** A store that lives in memory only (tests, simulations). */
  public static FeedbackStore inMemory() {
    return new FeedbackStore(null, new MVStore.Builder().open());
  }

  /** Records corrections and commits them before returning. */
  public synchronized void record(Collection<Feedback> feedback) {
    for (Feedback f : feedback) {
      events.put(next++, write(f));
      index(f);
    }
    commit();
  }

  public void record(Feedback feedback) {
    record(List.of(feedback));
  }

  private void index(Feedback f) {
    all.add(f);
    byItem.computeIfAbsent(f.sha256(), k -> new ArrayList<>()).add(f);
    if (f.verdict() == Verdict.RENAME) {
      renames.put(f.key(), f.renameTo());
    }
  }

  /** Every correction, oldest first. */
  public synchronized List<Feedback> all() {
    return List.copyOf(all);
  }

  public synchronized int size() {
    return all.size();
  }

  /** The corrections of one item, oldest first. */
  public synchronized List<Feedback> forItem(String sha256) {
    return List.copyOf(byItem.getOrDefault(sha256, List.of()));
  }

  /** The latest accept or reject a person gave this tag (by key) on this item. */
  public synchronized Optional<Verdict> verdict(String sha256, String tagKey) {
    List<Feedback> mine = byItem.getOrDefault(sha256, List.of());
    for (int i = mine.size() - 1; i >= 0; i--) {
      Feedback f = mine.get(i);
      if (f.key().equals(tagKey) && (f.verdict() == Verdict.ACCEPT || f.verdict() == Verdict.REJECT)) {
        return Optional.of(f.verdict());
      }
    }
    return Optional.empty();
  }

  /** Renames people asked for, tag key to new name; the latest wins. */
  public synchronized Map<String, String> renames() {
    return Map.copyOf(renames);
  }

  /** What {@code sink} last wrote to {@code item} (a Stash id, a sidecar path), if anything. */
  public synchronized Optional<Written> written(String sink, String item) {
    String json = written.get(sink + "|" + item);
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(json, Written.class));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // unreadable: as if never written; the next write replaces it
    }
  }

  /** Remembers what {@code sink} wrote to {@code item} just now. */
  public synchronized void rememberWritten(String sink, String item, Written what) {
    try {
      written.put(sink + "|" + item, JSON.writeValueAsString(what));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    commit();
  }

  /**
   * Deletes every correction about this tag (by key) on every item, and rewrites the file so that none of them
   * stays on the disk (what {@code people forget} does with a person's name); returns how many went.
   */
  public synchronized int forgetLabel(String tag) {
    String key = dev.tagger.Tag.key(tag);
    List<Long> gone = new ArrayList<>();
    events.forEach((id, json) -> {
      if (read(json).key().equals(key)) {
        gone.add(id);
      }
    });
    if (gone.isEmpty()) {
      return 0;
    }
    gone.forEach(events::remove);
    commit();
    all.removeIf(f -> f.key().equals(key));
    byItem.values().forEach(list -> list.removeIf(f -> f.key().equals(key)));
    renames.remove(key);
    if (file != null) {
      try {
        store = dev.tagger.internal.StoreFiles.rewrite(store, file);
        events = store.openMap("events");
        written = store.openMap("written");
      } catch (IOException | MVStoreException e) {
        throw new TaggerException("cannot rewrite the feedback store " + file + ": " + e.getMessage(), e);
      }
    }
    return gone.size();
  }

  /** Writes every correction as one JSON object a line, oldest first: the form {@code tagger feedback import} reads. */
  public void export(Writer out) throws IOException {
    for (Feedback f : all()) {
      out.write(write(f));
      out.write('\n');
    }
    out.flush();
  }

  private void commit() {
    try {
      store.commit();
    } catch (MVStoreException e) {
      throw new TaggerException("cannot write the feedback store" + (file == null ? "" : " " + file) + ": " + e.getMessage(), e);
    }
  }

  private static String write(Feedback f) {
    return FeedbackJson.toJson(f);
  }

  private static Feedback read(String json) {
    try {
      return FeedbackJson.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new TaggerException("the feedback store holds an unreadable entry: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (!store.isClosed()) {
      store.close();
    }
  }

  @Override
  public String toString() {
    return "FeedbackStore[" + (file == null ? "in memory" : file) + ", " + size() + " corrections]";
  }
}
