package dev.tagger.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tagger.TaggerException;
import dev.tagger.spi.ResultStore;
import dev.tagger.spi.StoredAnalysis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResultStore} in a folder: an append-only journal ({@code analyses.jsonl}, one entry per
 * line) indexed in memory, with the most recently used analyses kept in a Caffeine cache. Every entry
 * is written whole with one write call before {@link #put} returns, so a process killed with
 * {@code kill -9} keeps every finished item; a line cut off by a crash mid-write is dropped on the next
 * open. One process at a time may use a folder (a file lock guards it). Thread-safe.
 */
public final class FileResultStore implements ResultStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileResultStore.class);
  static final String JOURNAL = "analyses.jsonl";
  private static final ObjectMapper MAPPER = dev.tagger.internal.AnalysisJson.MAPPER;

  private final Path dir;
  private final FileChannel journal;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, long[]> index = new HashMap<>(); // key -> {offset, length}
  private final Cache<String, StoredAnalysis> cache;
  private boolean closed;

  private FileResultStore(Path dir, long maxCachedEntries) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    this.lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null; // this JVM holds it already
    }
    this.lock = held;
    if (lock == null) {
      lockChannel.close();
      throw new TaggerException("result store " + dir + " is in use by another process; wait for it or use another --cache folder");
    }
    this.journal = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.cache = Caffeine.newBuilder().maximumSize(maxCachedEntries).build();
    loadIndex();
  }

  /** Opens (creating if needed) the store in {@code dir}. The caller owns it and must close it. */
  public static FileResultStore open(Path dir) {
    try {
      return new FileResultStore(dir, 10_000);
    } catch (IOException e) {
      throw new TaggerException("cannot open result store " + dir + ": " + e.getMessage(), e);
    }
  }

  /** How many analyses the store holds. */
  public synchronized int size() {
    return index.size();
  }

  @Override
  public Optional<StoredAnalysis> get(String key) {
    StoredAnalysis hit = cache.getIfPresent(key);
    if (hit != null) {
      return Optional.of(hit);
    }
    long[] where;
    synchronized (this) {
      checkOpen();
      where = index.get(key);
    }
    if (where == null) {
      return Optional.empty();
    }
    try {
      ByteBuffer buf = ByteBuffer.allocate((int) where[1]);
      while (buf.hasRemaining() && journal.read(buf, where[0] + buf.position()) > 0) {
        // read until the whole entry is in
      }
      Entry entry = MAPPER.readValue(buf.array(), Entry.class);
      cache.put(key, entry.v());
      return Optional.of(entry.v());
    } catch (IOException e) {
      LOG.warn("result store {}: cannot read entry for {}; it will be analyzed again: {}", dir, key, e.toString());
      return Optional.empty();
    }
  }

  /**
   * The vector a model ({@code id@version}) made of the item with this content hash, from any analysis of it
   * kept here (whatever the options it was analyzed with).
   */
  public Optional<float[]> embedding(String sha256, String model) {
    List<String> keys;
    synchronized (this) {
      checkOpen();
      keys = index.keySet().stream().filter(k -> k.startsWith(sha256 + ":")).toList();
    }
    for (String k : keys) {
      Optional<float[]> v = get(k).flatMap(a -> a.embedding(model));
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  @Override
  public void put(String key, StoredAnalysis analysis) {
    byte[] line;
    try {
      line = (MAPPER.writeValueAsString(new Entry(key, analysis)) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new TaggerException("cannot serialise analysis for " + key, e);
    }
    synchronized (this) {
      checkOpen();
      try {
        long offset = journal.size();
        ByteBuffer buf = ByteBuffer.wrap(line);
        long at = offset;
        while (buf.hasRemaining()) {
          at += journal.write(buf, at);
        }
        index.put(key, new long[] {offset, line.length - 1});
      } catch (IOException e) {
        throw new TaggerException("cannot append to result store " + dir + ": " + e.getMessage(), e);
      }
    }
    cache.put(key, analysis);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      journal.force(true);
      journal.close();
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("closing result store {}: {}", dir, e.toString());
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("result store " + dir + " is closed");
    }
  }

  /** Reads every whole line, a chunk at a time; a torn last line (a crash mid-write) is cut off. */
  private void loadIndex() throws IOException {
    long size = journal.size();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
    long lineStart = 0;
    long position = 0;
    while (position < size) {
      chunk.clear();
      int n = journal.read(chunk, position);
      if (n <= 0) {
        break;
      }
      byte[] bytes = chunk.array();
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (bytes[i] == '\n') {
          line.write(bytes, from, i - from);
          index(line.toByteArray(), lineStart);
          line.reset();
          lineStart = position + i + 1;
          from = i + 1;
        }
      }
      line.write(bytes, from, n - from);
      position += n;
    }
    if (lineStart < size) {
      LOG.info("result store {}: dropping {} bytes of an entry cut off by a crash", dir, size - lineStart);
      journal.truncate(lineStart);
    }
  }

  private void index(byte[] line, long offset) {
    try {
      Entry e = MAPPER.readValue(line, Entry.class);
      index.put(e.k(), new long[] {offset, line.length});
    } catch (IOException e) {
      LOG.warn("result store {}: skipping unreadable entry at byte {}: {}", dir, offset, e.getMessage());
    }
  }

  /** One journal line. */
  record Entry(String k, StoredAnalysis v) {}
}
