package dev.tagger.cli;

import dev.tagger.Tagger;
import dev.tagger.cli.watch.WatchControl;
import dev.tagger.cli.watch.WatchStatus;
import dev.tagger.stash.StashItem;
import dev.tagger.stash.StashTagging;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Takes what waits in a Stash library, one batch per kind, asking the {@link WatchControl} before each item
 * starts ({@link dev.tagger.Admission}): so a stop, a pause or the end of a run window lands between items,
 * and the items in hand finish.
 * What waits: items without {@code AI_tagged} (new ones among them, so no hook is needed) and items in
 * {@code AI_queue}. {@code stash watch} drains again and again; a plugin task drains once. Items that fail
 * are not taken again by the same drain, so a broken file cannot hold up the rest.
 */
final class StashDrain {
  /** What a pass did. */
  record Pass(int items, int written, int failed, int markers) {
    Pass plus(StashTagging.Report r) {
      return new Pass(items + r.items(), written + r.written(), failed + r.failed(), markers + r.markers());
    }
  }

  private final StashTagging stash;
  private final Supplier<Tagger.Builder> builders;
  private final WatchControl control;
  private final WatchStatus status;
  private final Set<String> failed = new HashSet<>();

  /**
   * @param builders a fresh builder for each batch, wired with the run's engine, policy and stores
   */
  StashDrain(StashTagging stash, Supplier<Tagger.Builder> builders, WatchControl control, WatchStatus status) {
    this.stash = stash;
    this.builders = builders;
    this.control = control;
    this.status = status;
  }

  /**
   * One pass: lists what waits of these kinds and tags it, unless the control stops it first.
   *
   * @param onlyUntagged false: every item of the kinds (a "tag everything again" task)
   * @param progress told the share of the pass done after each item, from the tagger's threads
   */
  Pass drain(List<StashItem.Kind> kinds, boolean onlyUntagged, @Nullable String pathPrefix, DoubleConsumer progress) {
    Map<StashItem.Kind, List<StashItem>> waiting = new LinkedHashMap<>();
    int total = 0;
    for (StashItem.Kind kind : kinds) {
      Map<String, StashItem> byId = new LinkedHashMap<>();
      stash.queued(kind, pathPrefix).forEach(i -> byId.put(i.id(), i));
      stash.select(kind, onlyUntagged, pathPrefix, null).forEach(i -> byId.putIfAbsent(i.id(), i));
      List<StashItem> todo = new ArrayList<>();
      for (StashItem item : byId.values()) {
        if (failed.contains(key(item))) {
          continue;
        }
        String unusable = item.path() == null ? "Stash lists no file for it" : unusablePath(item.path());
        if (unusable != null) {
          failed.add(key(item));
          status.finished(kind.name().toLowerCase(Locale.ROOT) + " " + item.id(), 0, unusable);
          continue;
        }
        todo.add(item);
      }
      waiting.put(kind, todo);
      total += todo.size();
    }
    status.queue(total);
    Pass pass = new Pass(0, 0, 0, 0);
    int done = 0;
    for (Map.Entry<StashItem.Kind, List<StashItem>> e : waiting.entrySet()) {
      List<StashItem> todo = e.getValue();
      if (todo.isEmpty() || control.stopping()) {
        continue;
      }
      Map<String, StashItem> byPath = new LinkedHashMap<>();
      todo.forEach(item -> byPath.put(stash.paths().toLocal(item.path()).toString(), item));
      int before = done;
      int all = total;
      // one batch per kind, so a run's review budget and bulk updates span it; the control is asked before each item
      Tagger.Builder builder = builders.get()
          .admission(next -> {
            boolean go = control.awaitTurn(status);
            if (go) {
              status.state(WatchStatus.State.WORKING);
            }
            return go;
          })
          .progressListener(p -> {
            status.finished(label(byPath.get(p.last().path()), p.last().path()), p.last().millis(),
                p.last().error() == null ? null : p.last().error().stage() + ": " + p.last().error().message());
            progress.accept((before + p.done()) / (double) all);
          });
      StashTagging.Report r = stash.tag(builder, e.getKey(), todo);
      r.failedIds().forEach(id -> failed.add(e.getKey() + ":" + id));
      pass = pass.plus(r);
      done += todo.size();
    }
    if (!control.stopping()) {
      progress.accept(1.0);
    }
    return pass;
  }

  /** Why a Stash path cannot be a file here (a name this system's file encoding cannot hold), or null. */
  private @Nullable String unusablePath(String path) {
    try {
      stash.paths().toLocal(path);
      return null;
    } catch (java.nio.file.InvalidPathException e) {
      return "its path cannot be a file name here (" + e.getMessage() + "); is the locale UTF-8 (LANG=C.UTF-8)?";
    }
  }

  private static String key(StashItem item) {
    return item.kind() + ":" + item.id();
  }

  private static String label(@Nullable StashItem item, String path) {
    return item == null ? path : item.kind().name().toLowerCase(Locale.ROOT) + " " + item.id() + " (" + path + ")";
  }
}
