package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.search.SearchIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search measured on a labelled query set ({@code benchmarks/accuracy/search-queries.jsonl}: a query, the
 * dev-set items a person would want for it, optionally a kind): for each ranking, recall@5 (the share of a
 * query's relevant items in its first five, averaged over queries; a query with more than five relevant
 * items cannot reach 1) and MRR (the reciprocal rank of the
 * first relevant item within the first ten, averaged), and how long a query takes.
 */
public final class SearchEval {
  /** One query and the items that answer it, by file name. */
  record Labelled(String query, String kind, Set<String> relevant) {}

  /** One ranking's figures. */
  public record Figures(SearchIndex.Mode mode, double recallAt5, double mrr, double millisPerQuery) {}

  private SearchEval() {}

  static List<Labelled> load(Path queries) {
    List<Labelled> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (String line : Files.readAllLines(queries)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        Set<String> relevant = new HashSet<>();
        n.path("relevant").forEach(r -> relevant.add(r.asText()));
        out.add(new Labelled(n.path("query").asText(), n.path("kind").asText(null), relevant));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the query set " + queries + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Runs every query in every ranking; prints the misses of the hybrid one to {@code log}. */
  public static List<Figures> run(SearchIndex index, Path queries, PrintStream log) {
    List<Labelled> set = new ArrayList<>(load(queries));
    List<Figures> out = new ArrayList<>();
    set.removeIf(q -> q.relevant().isEmpty());
    for (SearchIndex.Mode mode : SearchIndex.Mode.values()) {
      for (Labelled q : set) { // warm up: each ranking's first queries pay for loading and compiling
        index.search(new SearchIndex.Query(q.query(), q.kind(), null, null, 10, mode));
      }
      double recall = 0;
      double rr = 0;
      long nanos = 0;
      for (Labelled q : set) {
        long start = System.nanoTime();
        List<SearchIndex.Hit> hits = index.search(new SearchIndex.Query(q.query(), q.kind(), null, null, 10, mode));
        nanos += System.nanoTime() - start;
        List<String> names = hits.stream().map(h -> Path.of(h.path()).getFileName().toString()).toList();
        long found = names.stream().limit(5).distinct().filter(q.relevant()::contains).count();
        recall += found / (double) q.relevant().size();
        for (int i = 0; i < names.size(); i++) {
          if (q.relevant().contains(names.get(i))) {
            rr += 1.0 / (i + 1);
            break;
          }
        }
        if (mode == SearchIndex.Mode.HYBRID && found == 0) {
          log.printf(Locale.ROOT, "hybrid, nothing relevant in the first five for '%s': %s%n", q.query(), names.stream().limit(5).toList());
        }
      }
      out.add(new Figures(mode, recall / set.size(), rr / set.size(), nanos / 1e6 / set.size()));
    }
    return out;
  }
}
