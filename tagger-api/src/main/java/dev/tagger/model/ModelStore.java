package dev.tagger.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A folder of model files laid out by their catalog paths. {@link #resolve} verifies each file's
 * sha256 before handing out its path (once per file version per process), downloads a missing file from
 * its canonical URL unless the store is offline, and never hands out a file whose hash differs.
 * Thread-safe; share one per application.
 */
public final class ModelStore {
  /** System property naming the store folder; wins over {@link #ENV_DIR}. */
  public static final String PROPERTY_DIR = "tagger.models";
  public static final String ENV_DIR = "TAGGER_MODELS";
  /** Environment variable that, set to {@code 1} or {@code true}, forbids downloads. */
  public static final String ENV_OFFLINE = "TAGGER_OFFLINE";

  private final Path root;
  private final boolean offline;
  private final ModelDownloader downloader;
  private final Map<Path, String> verified = new ConcurrentHashMap<>();
  private final Map<Path, Object> locks = new ConcurrentHashMap<>();

  public ModelStore(Path root, boolean offline) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.offline = offline;
    this.downloader = new ModelDownloader();
  }

  /**
   * The store named by {@code -Dtagger.models}, else {@code $TAGGER_MODELS}, else
   * {@code ~/.cache/tagger/models}; offline when {@code $TAGGER_OFFLINE} is set.
   */
  public static ModelStore fromEnvironment() {
    return new ModelStore(defaultRoot(System.getProperty(PROPERTY_DIR), System.getenv(ENV_DIR)), isOffline(System.getenv(ENV_OFFLINE)));
  }

  static Path defaultRoot(@Nullable String property, @Nullable String env) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "tagger", "models");
  }

  static boolean isOffline(@Nullable String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  public Path root() {
    return root;
  }

  public boolean offline() {
    return offline;
  }

  public ResolvedModel resolve(ModelEntry entry) {
    List<Path> paths = new ArrayList<>();
    for (ModelFile f : entry.files()) {
      paths.add(resolve(entry, f));
    }
    return new ResolvedModel(entry, paths);
  }

  private Path resolve(ModelEntry entry, ModelFile file) {
    Path target = root.resolve(file.path()).normalize();
    synchronized (locks.computeIfAbsent(target, p -> new Object())) {
      if (!Files.exists(target)) {
        if (file.derived()) {
          throw new ModelException("model " + entry.id() + ": file " + target + " is missing. It is derived, not downloadable as ONNX: "
              + file.derivedFrom() + ". Put the converted file there (" + file.bytes() + " bytes, sha256 " + file.sha256()
              + "), e.g. copied from a model folder that has it, or point " + ENV_DIR + " at one");
        }
        if (offline) {
          throw new ModelException("model " + entry.id() + ": file " + target + " is missing and downloads are off ("
              + ENV_OFFLINE + " is set); put the file there (sha256 " + file.sha256() + ", from " + file.url()
              + ") or point " + ENV_DIR + " at a folder that has it");
        }
        downloader.download(entry.id(), file, target);
      }
      verify(entry, file, target);
      return target;
    }
  }

  private void verify(ModelEntry entry, ModelFile file, Path target) {
    String stamp;
    try {
      stamp = Files.size(target) + ":" + Files.getLastModifiedTime(target).toMillis();
    } catch (IOException e) {
      throw new ModelException("model " + entry.id() + ": cannot read " + target + ": " + e.getMessage(), e);
    }
    if (stamp.equals(verified.get(target))) {
      return;
    }
    String actual = Hashing.sha256(target);
    if (!actual.equals(file.sha256())) {
      verified.remove(target);
      throw new ModelException("model " + entry.id() + ": file " + target + " has sha256 " + actual + ", expected "
          + file.sha256() + "; it was not loaded. Delete it and run again to re-download it from " + file.url());
    }
    verified.put(target, stamp);
  }

  @Override
  public String toString() {
    return "ModelStore[" + root + (offline ? ", offline" : "") + "]";
  }
}
