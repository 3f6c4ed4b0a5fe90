package dev.tagger.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The faces of a {@link PeopleStore} in memory, with the lookups clustering needs: by item, by cluster, and
 * the faces within a distance of a descriptor. Up to {@link #EXACT_UP_TO} faces that search is exact: one
 * scan of a contiguous array of descriptors that gives up on a face as soon as the partial sum of squares
 * passes the radius. Past it, the {@link #NEIGHBOURS} nearest faces come from an HNSW graph (Lucene's),
 * grown one face at a time, and the radius is checked exactly on those; a person with more faces than that
 * within the radius is still found through their nearest ones. A removed face leaves its slot empty until
 * the next search, which compacts the slots and rebuilds the graph. Not thread-safe: the store serialises
 * calls.
 */
final class Faces {
  /** A face and its distance from the descriptor asked about. */
  record Near(Face face, double distance) {}

  private static final int BLOCK = 16;
  /** Up to this many faces, every face is looked at (past about that many, the graph is the cheaper). */
  static final int EXACT_UP_TO = 16384;
  /** How many nearest faces the graph gives past {@link #EXACT_UP_TO}. */
  static final int NEIGHBOURS = 64;
  private static final int GRAPH_CONNECTIONS = 16;
  private static final int GRAPH_BEAM = 64;

  private final Map<Long, Face> byId = new LinkedHashMap<>();
  private final Map<String, Set<Long>> byItem = new HashMap<>();
  private final Map<Long, Set<Long>> byCluster = new HashMap<>();
  private final Map<Long, Integer> slotOf = new HashMap<>();
  private long[] ids = new long[1024];
  private float[] vectors = new float[0];
  private int dimension = -1;
  private int count;
  private boolean removed;
  private @Nullable HnswGraphBuilder graph;
  private final int exactUpTo;

  Faces() {
    this(EXACT_UP_TO);
  }

  /** @param exactUpTo up to this many faces, searches scan them all */
  Faces(int exactUpTo) {
    this.exactUpTo = exactUpTo;
  }

  @Nullable Face get(long id) {
    return byId.get(id);
  }

  Collection<Face> all() {
    return byId.values();
  }

  /** Adds a face, or replaces the face of its id (a new cluster). */
  void put(Face f) {
    if (dimension >= 0 && f.vector().length != dimension) {
      throw new IllegalArgumentException("face " + f.id() + " of item " + f.sha256() + " has a descriptor of " + f.vector().length
          + " numbers where the store's have " + dimension + "; it was made by another model");
    }
    Face old = byId.put(f.id(), f);
    if (old != null) {
      if (old.cluster() != f.cluster()) {
        unlink(old);
        byCluster.computeIfAbsent(f.cluster(), k -> new LinkedHashSet<>()).add(f.id());
      }
      return;
    }
    byItem.computeIfAbsent(f.sha256(), k -> new LinkedHashSet<>()).add(f.id());
    byCluster.computeIfAbsent(f.cluster(), k -> new LinkedHashSet<>()).add(f.id());
    if (dimension < 0) {
      dimension = f.vector().length;
      vectors = new float[dimension * ids.length];
    }
    if (count == ids.length) {
      ids = java.util.Arrays.copyOf(ids, count * 2);
      vectors = java.util.Arrays.copyOf(vectors, count * 2 * dimension);
    }
    System.arraycopy(f.vector(), 0, vectors, count * dimension, dimension);
    ids[count] = f.id();
    slotOf.put(f.id(), count);
    count++;
    if (graph != null) {
      link(count - 1);
    }
  }

  void remove(long id) {
    Face f = byId.remove(id);
    if (f == null) {
      return;
    }
    unlink(f);
    Set<Long> item = byItem.get(f.sha256());
    item.remove(id);
    if (item.isEmpty()) {
      byItem.remove(f.sha256());
    }
    int slot = slotOf.remove(id);
    ids[slot] = -1;
    java.util.Arrays.fill(vectors, slot * dimension, (slot + 1) * dimension, 0f); // nothing of the face stays in memory
    removed = true;
  }

  /** Drops the empty slots and, past the exact limit, builds the graph again. */
  private void compact() {
    int live = 0;
    for (int i = 0; i < count; i++) {
      if (ids[i] >= 0) {
        if (live != i) {
          System.arraycopy(vectors, i * dimension, vectors, live * dimension, dimension);
          ids[live] = ids[i];
          slotOf.put(ids[live], live);
        }
        live++;
      }
    }
    java.util.Arrays.fill(vectors, live * dimension, count * dimension, 0f);
    count = live;
    removed = false;
    graph = null;
  }

  private void link(int slot) {
    try {
      graph.addGraphNode(slot);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: does not happen
    }
  }

  private void unlink(Face f) {
    Set<Long> members = byCluster.get(f.cluster());
    if (members != null) {
      members.remove(f.id());
      if (members.isEmpty()) {
        byCluster.remove(f.cluster());
      }
    }
  }

  List<Face> ofItem(String sha256) {
    return faces(byItem.get(sha256));
  }

  List<Face> ofCluster(long cluster) {
    return faces(byCluster.get(cluster));
  }

  int size(long cluster) {
    Set<Long> members = byCluster.get(cluster);
    return members == null ? 0 : members.size();
  }

  private List<Face> faces(@Nullable Set<Long> idsOf) {
    if (idsOf == null) {
      return List.of();
    }
    List<Face> out = new ArrayList<>(idsOf.size());
    idsOf.forEach(id -> out.add(byId.get(id)));
    return out;
  }

  /** The faces within {@code radius} of {@code v} (itself too when it is stored): all of them, or past the exact limit the nearest. */
  List<Near> within(float[] v, double radius) {
    if (removed) {
      compact();
    }
    List<Near> out = new ArrayList<>();
    if (count == 0) {
      return out;
    }
    if (v.length != dimension) {
      throw new IllegalArgumentException("a face descriptor of " + v.length + " dimensions in a store of " + dimension);
    }
    double limit = radius * radius;
    if (count <= exactUpTo) {
      for (int i = 0; i < count; i++) {
        double s = squared(v, i * dimension, limit);
        if (s <= limit) {
          out.add(new Near(byId.get(ids[i]), Math.sqrt(s)));
        }
      }
      return out;
    }
    if (graph == null) {
      try {
        graph = HnswGraphBuilder.create(new Scorers(), GRAPH_CONNECTIONS, GRAPH_BEAM, 42);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < count; i++) {
        link(i);
      }
    }
    try {
      KnnCollector found = HnswGraphSearcher.search(new QueryScorer(v), NEIGHBOURS, graph.getGraph(), null, Integer.MAX_VALUE);
      for (ScoreDoc d : found.topDocs().scoreDocs) {
        double s = squared(v, d.doc * dimension, limit);
        if (s <= limit) {
          out.add(new Near(byId.get(ids[d.doc]), Math.sqrt(s)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Lucene's Euclidean score, 1 / (1 + d²): higher is nearer. Four sums at once, which the JIT keeps in registers. */
  private float score(float[] v, int slot) {
    int offset = slot * dimension;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int k = 0;
    for (; k + 3 < dimension; k += 4) {
      float d0 = v[k] - vectors[offset + k];
      float d1 = v[k + 1] - vectors[offset + k + 1];
      float d2 = v[k + 2] - vectors[offset + k + 2];
      float d3 = v[k + 3] - vectors[offset + k + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; k < dimension; k++) {
      float d = v[k] - vectors[offset + k];
      s0 += d * d;
    }
    return 1 / (1 + (s0 + s1) + (s2 + s3));
  }

  /** Scores against a descriptor that is not in the graph. */
  private final class QueryScorer implements RandomVectorScorer {
    private final float[] query;

    QueryScorer(float[] query) {
      this.query = query;
    }

    @Override
    public float score(int node) {
      return Faces.this.score(query, node);
    }

    @Override
    public int maxOrd() {
      return count;
    }
  }

  /** Scores between faces in the graph, as it grows. */
  private final class Scorers implements RandomVectorScorerSupplier {
    @Override
    public RandomVectorScorer scorer(int ord) {
      return new QueryScorer(java.util.Arrays.copyOfRange(vectors, ord * dimension, (ord + 1) * dimension));
    }

    @Override
    public RandomVectorScorerSupplier copy() {
      return this;
    }
  }

  /** The squared distance to the descriptor at {@code offset}, or a value past {@code limit} once it is certain to pass it. */
  private double squared(float[] v, int offset, double limit) {
    double s = 0;
    int k = 0;
    while (k < dimension) {
      int end = Math.min(dimension, k + BLOCK);
      for (; k < end; k++) {
        double d = v[k] - vectors[offset + k];
        s += d * d;
      }
      if (s > limit) {
        return s;
      }
    }
    return s;
  }
}
