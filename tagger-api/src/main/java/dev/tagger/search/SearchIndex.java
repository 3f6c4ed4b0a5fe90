package dev.tagger.search;

import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.TextItem;
import dev.tagger.spi.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * An embedded Lucene index of each item's passages: every text found in it (a transcript utterance with its
 * time span, an OCR line, a title, the file-name words), its applied tags, and the tags it was unsure of
 * (the review band), each passage with its words
 * (BM25) and its vector (HNSW, dot product on unit vectors). Searching ranks items by the best of their
 * passages in a lexical and a vector list, fused by reciprocal rank ({@link Mode#HYBRID}), or by either alone;
 * filters by kind, tag and path prefix apply to both lists. Lucene was chosen over a hand-made index because
 * it gives both rankings, filtered HNSW search, and crash-safe incremental commits in one well-kept library
 * the project already uses. Thread-safe; close once.
 */
public final class SearchIndex implements AutoCloseable {
  /** How results are ranked. */
  public enum Mode { HYBRID, VECTOR, LEXICAL }

  /** What to look for. */
  public record Query(String text, @Nullable String kind, @Nullable String tag, @Nullable String pathPrefix, int top, Mode mode) {
    public Query {
      if (top < 1) {
        throw new IllegalArgumentException("top must be >= 1, got " + top);
      }
    }

    public static Query of(String text, int top) {
      return new Query(text, null, null, null, top, Mode.HYBRID);
    }
  }

  /**
   * One item found, with the passage that matched best: its text, what it is ({@code transcript}, {@code ocr},
   * {@code tags} ...) and, for a timed one, when.
   */
  public record Hit(String path, String kind, double score, String passage, String source, @Nullable Double start, @Nullable Double end) {}

  static final int CANDIDATES = 100;
  private static final int RRF_K = 60;

  private final TextEmbedder embedder;
  /** Lucene's classic English stop words: without them "a car" matches every passage with an "a". */
  static final org.apache.lucene.analysis.CharArraySet STOP_WORDS = org.apache.lucene.analysis.CharArraySet.unmodifiableSet(
      new org.apache.lucene.analysis.CharArraySet(List.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
          "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
          "will", "with"), false));

  private final Analyzer analyzer = new StandardAnalyzer(STOP_WORDS);
  private final @Nullable IndexWriter writer;
  private final SearcherManager searchers;
  private org.apache.lucene.store.@Nullable Directory directory;
  /** Each indexed item's fingerprint (its passages and tags): a result that brings the same is not indexed again. */
  private final Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

  private SearchIndex(TextEmbedder embedder, @Nullable IndexWriter writer, SearcherManager searchers) {
    this.embedder = embedder;
    this.writer = writer;
    this.searchers = searchers;
  }

  /** Opens (or creates) the index in {@code dir} for writing; one writer at a time (Lucene's write lock). */
  public static SearchIndex open(Path dir, TextEmbedder embedder) {
    try {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer(STOP_WORDS));
      config.setCommitOnClose(true);
      FSDirectory directory = FSDirectory.open(folder(dir, embedder));
      IndexWriter writer = null;
      try {
        writer = new IndexWriter(directory, config);
        SearchIndex index = new SearchIndex(embedder, writer, new SearcherManager(writer, null));
        index.directory = directory;
        index.loadFingerprints();
        return index;
      } catch (IOException | RuntimeException e) {
        org.apache.lucene.util.IOUtils.closeWhileHandlingException(writer, directory);
        throw e;
      }
    } catch (IOException e) {
      throw new TaggerException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the index in {@code dir} to search only, beside a writer that may be adding to it (a watcher): it
   * sees what the writer had committed when it opened, and later commits on each search.
   */
  public static SearchIndex openToSearch(Path dir, TextEmbedder embedder) {
    Path folder = folder(dir, embedder);
    if (!java.nio.file.Files.isDirectory(folder)) {
      throw new TaggerException("no search index for " + embedder.model() + " in " + dir + " yet");
    }
    FSDirectory directory = null;
    try {
      directory = FSDirectory.open(folder);
      SearchIndex index = new SearchIndex(embedder, null, new SearcherManager(directory, null));
      index.directory = directory;
      return index;
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      org.apache.lucene.util.IOUtils.closeWhileHandlingException(directory);
      throw new TaggerException("no search index for " + embedder.model() + " in " + dir + " yet", e);
    } catch (IOException e) {
      org.apache.lucene.util.IOUtils.closeWhileHandlingException(directory);
      throw new TaggerException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path folder(Path dir, TextEmbedder embedder) {
    return dir.resolve(embedder.model().replaceAll("[^A-Za-z0-9.@-]", "_"));
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("this search index was opened to search only");
    }
    return writer;
  }

  /**
   * Replaces what the index holds for this item with its passages now. A failed item keeps what it had (a
   * time-out or an unreachable disk says nothing about the file), and an item whose passages and tags are
   * what the index holds (a re-run from the result store) costs nothing.
   */
  public void update(TagResult r) {
    if (!r.succeeded()) {
      return;
    }
    List<Document> docs = new ArrayList<>();
    Map<String, TextItem> passages = Passages.of(r);
    String fingerprint = dev.tagger.model.Hashing.sha256(r.kind() + "\u0000" + String.join("\u0000",
        passages.values().stream().map(t -> t.kind() + "\u0002" + t.text() + "\u0002" + t.span()).toList()) + "\u0000"
        + String.join("\u0001", r.tags().stream().map(Tag::key).sorted().toList()));
    String item = key(r.path());
    if (fingerprint.equals(fingerprints.get(item))) {
      return;
    }
    List<float[]> vectors = embedder.embedAll(passages.values().stream().map(TextItem::text).toList());
    int i = 0;
    for (TextItem t : passages.values()) {
      Document d = new Document();
      d.add(new StringField("item", item, Field.Store.YES));
      d.add(new StringField("kind", r.kind().name().toLowerCase(Locale.ROOT), Field.Store.YES));
      for (Tag tag : r.tags()) {
        d.add(new StringField("tag", tag.key(), Field.Store.NO));
      }
      d.add(new TextField("text", t.text(), Field.Store.YES));
      d.add(new StoredField("source", t.kind()));
      if (t.span() != null) {
        d.add(new StoredField("start", t.span().startSeconds()));
        d.add(new StoredField("end", t.span().endSeconds()));
      }
      d.add(new KnnFloatVectorField("vector", vectors.get(i++), VectorSimilarityFunction.DOT_PRODUCT));
      d.add(new StoredField("fingerprint", fingerprint));
      docs.add(d);
    }
    try {
      if (docs.isEmpty()) {
        writer().deleteDocuments(new Term("item", item)); // (an update with no documents trips Lucene's own checks)
      } else {
        writer().updateDocuments(new Term("item", item), docs);
      }
      fingerprints.put(item, fingerprint);
    } catch (IOException e) {
      throw new TaggerException("cannot index " + r.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * How the index names an item: its path made absolute and normal, so runs from other folders and relative paths
   * find the same entry; a {@code file:} URI (a name that is not UTF-8) as it is.
   */
  public static String key(String path) {
    if (path.startsWith("file:")) {
      return path;
    }
    try {
      return Path.of(path).toAbsolutePath().normalize().toString();
    } catch (java.nio.file.InvalidPathException e) {
      return path;
    }
  }

  /**
   * Removes the items {@code gone} says are no longer there (a file deleted, or moved: it is indexed again under its
   * new path when it is tagged there), and commits; returns how many. Only an index opened to write can prune.
   */
  public synchronized int prune(java.util.function.Predicate<String> gone) {
    IndexWriter w = writer();
    List<String> remove = fingerprints.keySet().stream().filter(gone).sorted().toList();
    try {
      for (String item : remove) {
        w.deleteDocuments(new Term("item", item));
        fingerprints.remove(item);
      }
    } catch (IOException e) {
      throw new TaggerException("cannot prune the search index: " + e.getMessage(), e);
    }
    if (!remove.isEmpty()) {
      commit();
    }
    return remove.size();
  }

  /** Reads the fingerprints of what the index holds (at open: a few seconds for 100,000 items). */
  private void loadFingerprints() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      org.apache.lucene.index.StoredFields stored = s.getIndexReader().storedFields();
      for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d = stored.document(leaf.docBase + doc, java.util.Set.of("item", "fingerprint"));
            if (d.get("fingerprint") != null) {
              fingerprints.put(d.get("item"), d.get("fingerprint"));
            }
          }
        }
      }
    } finally {
      searchers.release(s);
    }
  }

  /** Makes what was indexed visible to searches and durable. */
  public void commit() {
    try {
      writer().commit();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new TaggerException("cannot commit the search index: " + e.getMessage(), e);
    }
  }

  /** The items that match, best first. */
  public List<Hit> search(Query q) {
    try {
      searchers.maybeRefresh();
      IndexSearcher s = searchers.acquire();
      try {
        org.apache.lucene.search.Query filter = filter(q);
        int candidates = Math.max(CANDIDATES, q.top() * 10); // passages, of which several may be one item's
        Map<String, double[]> score = new LinkedHashMap<>(); // item -> fused score
        Map<String, Document> best = new LinkedHashMap<>();
        Map<String, Integer> bestRank = new java.util.HashMap<>();
        if (q.mode() != Mode.VECTOR) {
          fuse(s, s.search(lexical(q.text(), filter), candidates).scoreDocs, score, best, bestRank);
        }
        if (q.mode() != Mode.LEXICAL) {
          float[] v = embedder.embedAll(List.of(q.text())).get(0);
          fuse(s, s.search(new KnnFloatVectorQuery("vector", v, candidates, filter), candidates).scoreDocs, score, best, bestRank);
        }
        return score.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(q.top())
            .map(e -> hit(best.get(e.getKey()), e.getValue()[0])).toList();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new TaggerException("cannot search the index: " + e.getMessage(), e);
    }
  }

  /**
   * Adds one ranked list to the fused scores: an item counts once per list, at its best passage's rank. Its
   * evidence is the passage ranked highest in either list; on a tie the later (vector) list's, which says
   * it in the query's sense rather than sharing a word.
   */
  private static void fuse(IndexSearcher s, ScoreDoc[] ranked, Map<String, double[]> score, Map<String, Document> best, Map<String, Integer> bestRank)
      throws IOException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    int rank = 0;
    for (ScoreDoc sd : ranked) {
      Document d = s.storedFields().document(sd.doc);
      String item = d.get("item");
      if (!seen.add(item)) {
        continue;
      }
      rank++;
      score.computeIfAbsent(item, k -> new double[1])[0] += 1.0 / (RRF_K + rank);
      if (rank <= bestRank.getOrDefault(item, Integer.MAX_VALUE)) {
        best.put(item, d);
        bestRank.put(item, rank);
      }
    }
  }

  private static Hit hit(Document d, double score) {
    org.apache.lucene.index.IndexableField start = d.getField("start");
    org.apache.lucene.index.IndexableField end = d.getField("end");
    return new Hit(d.get("item"), d.get("kind"), score, d.get("text"), d.get("source"),
        start == null ? null : start.numericValue().doubleValue(), end == null ? null : end.numericValue().doubleValue());
  }

  private org.apache.lucene.search.Query lexical(String text, org.apache.lucene.search.@Nullable Query filter) throws IOException {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      java.util.Set<String> terms = new java.util.LinkedHashSet<>();
      while (ts.incrementToken() && terms.size() < 256) { // a pasted page of text asks for its first 256 words
        terms.add(term.toString());
      }
      terms.forEach(t -> words.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
      ts.end();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
    if (filter != null) {
      query.add(filter, BooleanClause.Occur.FILTER);
    }
    return query.build();
  }

  private static org.apache.lucene.search.@Nullable Query filter(Query q) {
    if (q.kind() == null && q.tag() == null && q.pathPrefix() == null) {
      return null; // no filter: the vector search takes its unfiltered path
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    if (q.kind() != null) {
      b.add(new TermQuery(new Term("kind", q.kind().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
    }
    if (q.tag() != null) {
      b.add(new TermQuery(new Term("tag", Tag.key(q.tag()))), BooleanClause.Occur.FILTER);
    }
    if (q.pathPrefix() != null) {
      b.add(new PrefixQuery(new Term("item", q.pathPrefix())), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** Passages held, for the size figures. */
  public int passages() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new TaggerException("cannot read the search index: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      org.apache.lucene.util.IOUtils.close(searchers, writer, directory, analyzer);
    } catch (IOException e) {
      throw new TaggerException("cannot close the search index: " + e.getMessage(), e);
    }
  }
}
