package dev.tagger.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Box;
import dev.tagger.Tag;
import dev.tagger.TaggerException;
import dev.tagger.spi.Embedding;
import dev.tagger.spi.FaceSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;

/**
 * The faces of a library and the people they are, in one local file ({@code people.mv.db}, H2 MVStore,
 * beside the result store); never in sidecars or Stash. Faces are clustered as they arrive, in the spirit of
 * DBSCAN as Immich uses it: a new face joins the cluster of its nearest clustered face within
 * {@link Settings#distance()} (within {@link Settings#singleFaceDistance()} for a person named from one
 * face); with no such face, it founds a cluster once it and its unclustered neighbours number
 * {@link Settings#minFaces()}, else it waits unclustered. Cluster ids never change; people name, merge, split
 * and forget them. {@link #forget} removes every face of the person and rewrites the file. Thread-safe.
 */
public final class PeopleStore implements AutoCloseable {
  static final String FILE = "people.mv.db";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param distance the largest descriptor distance at which a face joins a cluster
   * @param minFaces the fewest faces that found a cluster
   * @param singleFaceDistance the stricter distance for joining a person named from a single face
   */
  public record Settings(double distance, int minFaces, double singleFaceDistance) {
    public static final Settings DEFAULT = new Settings(0.5, 3, 0.45);
  }

  private final @Nullable Path file;
  private MVStore store;
  private MVMap<Long, String> facesMap;
  private MVMap<Long, String> clustersMap;
  private MVMap<String, Long> meta;
  private final Settings settings;
  private final Faces faces = new Faces();
  private final Map<Long, Cluster> clusters = new LinkedHashMap<>();

  private PeopleStore(@Nullable Path file, MVStore store, Settings settings) {
    this.file = file;
    this.settings = settings;
    attach(store);
    facesMap.forEach((id, json) -> faces.put(readFace(id, json)));
    clustersMap.forEach((id, json) -> clusters.put(id, readCluster(id, json)));
  }

  private void attach(MVStore opened) {
    this.store = opened;
    this.facesMap = opened.openMap("faces");
    this.clustersMap = opened.openMap("clusters");
    this.meta = opened.openMap("meta");
  }

  public static PeopleStore open(Path dir, Settings settings) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      return new PeopleStore(file, new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open(), settings);
    } catch (MVStoreException | IOException e) {
      throw new TaggerException("cannot open the people store " + file + ": " + e.getMessage(), e);
    }
  }

  public static PeopleStore inMemory(Settings settings) {
    return new PeopleStore(null, new MVStore.Builder().open(), settings);
  }

  /** True once this item's faces were added (an item without faces counts too). */
  public synchronized boolean knows(String sha256) {
    return meta.containsKey("item:" + sha256);
  }

  /** Adds an item's faces and clusters them, once an item (an item known already is left as it is); returns its faces. */
  public synchronized List<Face> add(String sha256, @Nullable String path, List<FaceSample> samples) {
    if (knows(sha256)) {
      return faces(sha256);
    }
    List<Face> added = new ArrayList<>();
    for (FaceSample s : samples) {
      long id = next("face");
      Face f = new Face(id, sha256, path, s.box(), s.seconds(), s.vector(), s.score(), 0);
      faces.put(f);
      added.add(cluster(f));
    }
    meta.put("item:" + sha256, (long) samples.size());
    commit();
    return added.stream().map(f -> faces.get(f.id())).toList();
  }

  private Face cluster(Face f) {
    Face nearest = null;
    double best = Double.MAX_VALUE;
    List<Face> loose = new ArrayList<>();
    for (Faces.Near near : faces.within(f.vector(), settings.distance())) {
      Face o = near.face();
      double d = near.distance();
      if (o.id() == f.id()) {
        continue;
      }
      if (o.cluster() == 0) {
        loose.add(o);
      } else if (d < best && (!clusters.get(o.cluster()).fromOneFace() || d <= settings.singleFaceDistance())) {
        best = d;
        nearest = o;
      }
    }
    if (nearest != null) {
      return put(f.withCluster(nearest.cluster()));
    }
    if (loose.size() + 1 >= settings.minFaces()) {
      Cluster c = putCluster(new Cluster(next("cluster"), null, false));
      loose.forEach(o -> put(o.withCluster(c.id())));
      return put(f.withCluster(c.id()));
    }
    return put(f);
  }

  /** The faces of an item. */
  public synchronized List<Face> faces(String sha256) {
    return faces.ofItem(sha256);
  }

  /** Every cluster, largest first. */
  public synchronized List<Cluster> clusters() {
    return clusters.values().stream().sorted(Comparator.comparingInt((Cluster c) -> -size(c.id())).thenComparingLong(Cluster::id)).toList();
  }

  public synchronized List<Face> members(long cluster) {
    return faces.ofCluster(cluster);
  }

  private int size(long cluster) {
    return faces.size(cluster);
  }

  /** Names a cluster. */
  public synchronized Cluster name(long cluster, String name) {
    Cluster c = existing(cluster);
    checkFree(name, cluster);
    Cluster named = putCluster(new Cluster(c.id(), name.strip(), c.fromOneFace()));
    commit();
    return named;
  }

  /** Names the person of one face: its cluster, or, for a face in none, a new cluster of that face alone (stricter to join). */
  public synchronized Cluster nameFace(long faceId, String name) {
    Face f = faces.get(faceId);
    if (f == null) {
      throw new IllegalArgumentException("no face " + faceId);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a person needs a name");
    }
    Optional<Cluster> named = byName(name);
    if (named.isPresent() && f.cluster() == named.get().id()) {
      return named.get();
    }
    if (named.isPresent()) {
      if (f.cluster() != 0) { // a whole cluster is not given to someone else on the strength of one face
        throw new IllegalArgumentException("'" + name + "' already names cluster " + named.get().id() + " and this face is in cluster "
            + f.cluster() + "; merge the two clusters if they are the same person");
      }
      put(f.withCluster(named.get().id())); // a loose face of a known person joins them: named from more than one face now
      Cluster known = putCluster(new Cluster(named.get().id(), named.get().name(), false));
      commit();
      return known;
    }
    if (f.cluster() != 0) {
      return name(f.cluster(), name);
    }
    Face near = null; // a loose face names the unnamed cluster it lies next to, when one does
    double nearest = Double.MAX_VALUE;
    for (Faces.Near n : faces.within(f.vector(), settings.distance())) {
      Face o = n.face();
      if (o.cluster() != 0 && clusters.get(o.cluster()).name() == null && n.distance() < nearest) {
        near = o;
        nearest = n.distance();
      }
    }
    if (near != null) {
      Cluster c = name(near.cluster(), name); // the name is free: checked above
      put(f.withCluster(near.cluster()));
      commit();
      return c;
    }
    Cluster c = putCluster(new Cluster(next("cluster"), name.strip(), true));
    put(f.withCluster(c.id()));
    commit();
    return c;
  }

  /** Names the person of the largest face in an item (see {@link #nameFace}). */
  public synchronized Cluster nameLargestFace(String sha256, String name) {
    Face largest = faces(sha256).stream().max(Comparator.comparingDouble(f -> f.box().width() * f.box().height()))
        .orElseThrow(() -> new IllegalArgumentException("no face of item " + sha256 + " is known; tag it with the people analyzer first"));
    return nameFace(largest.id(), name);
  }

  /** Moves every face of {@code from} into {@code into}; {@code from} is gone. Two different names do not merge. */
  public synchronized Cluster merge(long into, long from) {
    Cluster a = existing(into);
    Cluster b = existing(from);
    if (a.name() != null && b.name() != null && !Tag.key(a.name()).equals(Tag.key(b.name()))) {
      throw new IllegalArgumentException("cluster " + into + " is " + a.name() + " and cluster " + from + " is " + b.name()
          + "; rename one first if they are the same person");
    }
    members(from).forEach(f -> put(f.withCluster(into)));
    clusters.remove(from);
    clustersMap.remove(from);
    Cluster merged = putCluster(new Cluster(into, a.name() != null ? a.name() : b.name(), a.fromOneFace() && b.fromOneFace()));
    commit();
    return merged;
  }

  /** Takes the faces of one item out of a cluster into a new one of their own. */
  public synchronized Cluster split(long cluster, String sha256) {
    existing(cluster);
    List<Face> out = members(cluster).stream().filter(f -> f.sha256().equals(sha256)).toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException("cluster " + cluster + " has no face of item " + sha256);
    }
    Cluster c = putCluster(new Cluster(next("cluster"), null, false));
    out.forEach(f -> put(f.withCluster(c.id())));
    commit();
    return c;
  }

  /** Deletes every face of the person and the person, and rewrites the file so that nothing of them remains; returns the faces deleted. */
  public synchronized int forget(String name) {
    Cluster c = byName(name).orElseThrow(() -> new IllegalArgumentException("nobody is named '" + name + "'"));
    List<Face> gone = members(c.id());
    for (Face f : gone) {
      faces.remove(f.id());
      facesMap.remove(f.id());
    }
    clusters.remove(c.id());
    clustersMap.remove(c.id());
    commit();
    if (file != null) {
      rewrite(); // the file's old chunks still hold the descriptors: write the live entries into a fresh file
    }
    return gone.size();
  }

  private void rewrite() {
    try {
      attach(dev.tagger.internal.StoreFiles.rewrite(store, file));
    } catch (IOException | MVStoreException e) {
      throw new TaggerException("cannot rewrite the people store " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized Optional<Cluster> byName(String name) {
    return clusters.values().stream().filter(c -> c.name() != null && Tag.key(c.name()).equals(Tag.key(name))).findFirst();
  }

  /** The name of the person a face is, if its cluster has one. */
  public synchronized Optional<String> nameOf(Face f) {
    Cluster c = clusters.get(current(f).cluster());
    return c == null ? Optional.empty() : Optional.ofNullable(c.name());
  }

  /** How sure the naming is: from the distance to the nearest other face of the same cluster (1 - d / 2). */
  public synchronized double confidence(Face f) {
    double best = settings.distance();
    for (Face o : members(current(f).cluster())) {
      if (o.id() != f.id()) {
        best = Math.min(best, distance(f.vector(), o.vector()));
      }
    }
    return Math.max(0, Math.min(1, 1 - best / 2));
  }

  private Face current(Face f) {
    Face known = faces.get(f.id());
    return known == null ? f : known;
  }

  public static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  private Cluster existing(long id) {
    Cluster c = clusters.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no cluster " + id + "; 'tagger people' lists them");
    }
    return c;
  }

  private void checkFree(String name, long exceptCluster) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a person needs a name");
    }
    byName(name).filter(c -> c.id() != exceptCluster).ifPresent(c -> {
      throw new IllegalArgumentException("'" + name + "' already names cluster " + c.id() + "; merge the two clusters if they are the same person");
    });
  }

  private long next(String what) {
    long n = meta.getOrDefault("next:" + what, 1L);
    meta.put("next:" + what, n + 1);
    return n;
  }

  private Face put(Face f) {
    faces.put(f);
    ObjectNode o = JSON.createObjectNode().put("sha", f.sha256()).put("path", f.path()).put("q", f.score()).put("c", f.cluster())
        .put("v", new Embedding("face", f.vector()).encoded());
    o.putArray("box").add(f.box().x()).add(f.box().y()).add(f.box().width()).add(f.box().height());
    if (f.seconds() != null) {
      o.put("s", f.seconds());
    }
    facesMap.put(f.id(), o.toString());
    return f;
  }

  private Cluster putCluster(Cluster c) {
    clusters.put(c.id(), c);
    clustersMap.put(c.id(), JSON.createObjectNode().put("name", c.name()).put("one", c.fromOneFace()).toString());
    return c;
  }

  private static Face readFace(long id, String json) {
    JsonNode n = tree(json);
    JsonNode b = n.path("box");
    return new Face(id, n.path("sha").asText(), n.hasNonNull("path") ? n.get("path").asText() : null,
        new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble()),
        n.hasNonNull("s") ? n.get("s").asDouble() : null, Embedding.decode(n.path("v").asText()), n.path("q").asDouble(), n.path("c").asLong());
  }

  private static Cluster readCluster(long id, String json) {
    JsonNode n = tree(json);
    return new Cluster(id, n.hasNonNull("name") ? n.get("name").asText() : null, n.path("one").asBoolean());
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new TaggerException("the people store holds an unreadable entry: " + e.getOriginalMessage(), e);
    }
  }

  private void commit() {
    store.commit();
  }

  @Override
  public synchronized void close() {
    if (!store.isClosed()) {
      store.close();
    }
  }
}
