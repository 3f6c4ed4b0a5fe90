package dev.tagger.audio;

import dev.tagger.TaggerException;
import dev.tagger.model.Hashing;
import dev.tagger.model.ModelStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * A loaded Vosk model, shared by every recognizer of a run (Vosk's {@code Model} is thread-safe); owns
 * its native memory until {@link #close()}. {@link #englishSmall} unpacks the small English model from
 * the {@code com.alphacephei:vosk-model-en:0.3.45} dependency (an Android aar, so read from the classpath
 * when a build put it there, else from the local Maven repository) into the model store once, each
 * file checked against its sha256; {@link #open} loads any Vosk model folder (other languages, the large
 * English model).
 */
public final class VoskModel implements AutoCloseable {
  public static final String ENGLISH_SMALL = "vosk-model-en-us-0.3.45";
  private static final String LIST = "/dev/tagger/audio/vosk-model-en-us-0.3.45.tsv";
  private static final String ASSETS = "assets/model-en-us/";

  private final Model model;
  private final String name;
  private final String contentHash;
  private boolean closed;

  private VoskModel(Model model, String name, String contentHash) {
    this.model = model;
    this.name = name;
    this.contentHash = contentHash;
  }

  /**
   * The small English model, unpacked into the store's {@code vosk/} folder, or into
   * ~/.cache/tagger/models when the store is read-only (as a shared model folder is).
   */
  public static VoskModel englishSmall(ModelStore store) {
    return open(unpackEnglishSmall(store), ENGLISH_SMALL);
  }

  /** Any Vosk model folder (it holds am/final.mdl and conf/model.conf). */
  public static VoskModel open(Path dir, String name) {
    if (!Files.isRegularFile(dir.resolve("am/final.mdl")) || !Files.isRegularFile(dir.resolve("conf/model.conf"))) {
      throw new TaggerException("speech model " + dir + " is not a Vosk model folder (no am/final.mdl or conf/model.conf)");
    }
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      String hash = contentHash(dir);
      return new VoskModel(new Model(dir.toString()), name, hash);
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new TaggerException("Vosk cannot load the speech model " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Unpacks once: a folder with a complete-marker is reused; otherwise files are written, verified and moved in. */
  static Path unpackEnglishSmall(ModelStore store) {
    Path root = writable(store.root()) ? store.root() : Path.of(System.getProperty("user.home"), ".cache", "tagger", "models");
    Path dir = root.resolve("vosk").resolve(ENGLISH_SMALL);
    if (Files.isRegularFile(dir.resolve(".verified"))) {
      return dir;
    }
    Path tmp = dir.resolveSibling(ENGLISH_SMALL + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.createDirectories(tmp);
      try (ModelSource source = source()) {
        for (String[] f : files()) {
          unpack(source, ASSETS + f[2], tmp.resolve(f[2]), f[0], Long.parseLong(f[1]));
        }
      }
      Files.writeString(tmp.resolve(".verified"), "sha256 of every file checked\n");
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        if (!Files.isRegularFile(dir.resolve(".verified"))) {
          throw e; // another process did not finish it either
        }
      }
      return dir;
    } catch (IOException e) {
      throw new TaggerException("cannot unpack the Vosk English model into " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void unpack(ModelSource source, String resource, Path target, String sha256, long bytes) throws IOException {
    Files.createDirectories(target.getParent());
    MessageDigest digest = Hashing.newSha256();
    try (InputStream in = source.open(resource);
        OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
      in.transferTo(out);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(sha256) || Files.size(target) != bytes) {
      throw new TaggerException("Vosk model file " + resource + " in " + source + " has sha256 " + actual + ", expected " + sha256 + "; not used");
    }
  }

  /**
   * Where the aar's files are read from: the classpath when a build put the aar there, else the aar in
   * the local Maven repository ({@code maven.repo.local} or ~/.m2/repository), where Maven resolved it.
   */
  interface ModelSource extends AutoCloseable {
    InputStream open(String resource) throws IOException;

    @Override
    void close() throws IOException;
  }

  static ModelSource source() throws IOException {
    ClassLoader loader = VoskModel.class.getClassLoader();
    if (loader.getResource(ASSETS + "README") != null) {
      return new ModelSource() {
        @Override
        public InputStream open(String resource) throws IOException {
          InputStream in = loader.getResourceAsStream(resource);
          if (in == null) {
            throw new IOException("missing from the classpath: " + resource);
          }
          return in;
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
          return "the classpath";
        }
      };
    }
    Path repo = Path.of(System.getProperty("maven.repo.local", Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path aar = repo.resolve("com/alphacephei/vosk-model-en/0.3.45/vosk-model-en-0.3.45.aar");
    if (!Files.isRegularFile(aar)) {
      throw new TaggerException("the Vosk English model is neither on the classpath (" + ASSETS + ") nor at " + aar
          + "; add com.alphacephei:vosk-model-en:0.3.45 (type aar) to the classpath, or open a Vosk model folder with VoskModel.open");
    }
    java.util.zip.ZipFile zip = new java.util.zip.ZipFile(aar.toFile());
    return new ModelSource() {
      @Override
      public InputStream open(String resource) throws IOException {
        java.util.zip.ZipEntry e = zip.getEntry(resource);
        if (e == null) {
          throw new IOException("missing from " + aar + ": " + resource);
        }
        return zip.getInputStream(e);
      }

      @Override
      public void close() throws IOException {
        zip.close();
      }

      @Override
      public String toString() {
        return aar.toString();
      }
    };
  }

  private static List<String[]> files() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = VoskModel.class.getResourceAsStream(LIST)) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line.split("\t"));
        }
      }
    }
    return out;
  }

  /**
   * Whether the store may be written: it must be writable and, where the file system has POSIX
   * permissions, not marked read-only (root may write anywhere, but a folder without write bits, like a
   * shared read-only model folder, is left alone).
   */
  static boolean writable(Path dir) {
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      return false;
    }
    try {
      if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        return true;
      }
      return Files.getPosixFilePermissions(dir).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    } catch (IOException e) {
      return true;
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temp folder is harmless
    }
  }

  Model model() {
    if (closed) {
      throw new IllegalStateException("speech model " + name + " is closed");
    }
    return model;
  }

  public String name() {
    return name;
  }

  /**
   * The SHA-256 (first 16 hex digits) of the folder's content: every file's path and bytes, in path order.
   * It identifies the model in cache keys, so another model put in the same folder is run, not served
   * from the cache. Computed once, when the model is opened.
   */
  public String contentHash() {
    return contentHash;
  }

  static String contentHash(Path dir) throws IOException {
    MessageDigest digest = Hashing.newSha256();
    List<Path> files;
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".verified"))
          .sorted().toList();
    }
    byte[] buffer = new byte[1 << 16];
    for (Path f : files) {
      digest.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      model.close();
    }
  }
}
