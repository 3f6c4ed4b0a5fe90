package dev.tagger.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Rewriting an H2 MVStore file so that what was deleted from it is gone from the disk too: a store keeps old
 * chunks (and the entries in them) until they are reused, so after a deletion that must leave no trace the
 * live entries of every map are copied into a fresh file that replaces the old one.
 */
public final class StoreFiles {
  private StoreFiles() {}

  /**
   * Copies every map of {@code store} (which lives in {@code file}) into a fresh file, closes the store,
   * moves the fresh file over {@code file} and returns it opened.
   */
  public static MVStore rewrite(MVStore store, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    MVStore fresh = new MVStore.Builder().fileName(tmp.toString()).autoCommitDisabled().open();
    try {
      for (String name : store.getMapNames()) {
        MVMap<Object, Object> from = store.openMap(name);
        fresh.openMap(name).putAll(from);
      }
      fresh.commit();
    } finally {
      fresh.close();
    }
    store.close();
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
  }
}
