package dev.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import dev.tagger.search.SearchIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagger search QUERY}: the items tagged with the same {@code --cache} that match, by meaning and by word. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Finds tagged items by meaning and by word: transcripts (with the time said), OCR text, titles, file names, tags.",
        "Exit code: 0 found or not, 2 usage error, 3 no index (tag with the same --cache first)."})
final class SearchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "What to look for, in your words.")
  String query;

  @Option(names = "--evaluate", paramLabel = "QUERIES.jsonl", description = "Measure instead: recall@5 and MRR of each ranking "
      + "on a labelled query set (benchmarks/accuracy/search-queries.jsonl over the dev set).")
  Path evaluate;

  @Option(names = "--kind", paramLabel = "KIND", description = "Only items of this kind: image, video, audio, text.")
  String kind;

  @Option(names = "--tag", paramLabel = "NAME", description = "Only items carrying this applied tag.")
  String tag;

  @Option(names = "--path", paramLabel = "PREFIX", description = "Only items whose path starts with this.")
  String pathPrefix;

  @Option(names = "--top", paramLabel = "K", description = "Items listed (default: ${DEFAULT-VALUE}).")
  int top = 10;

  @Option(names = "--mode", paramLabel = "MODE", description = "Ranking: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SearchIndex.Mode mode = SearchIndex.Mode.HYBRID;

  @Option(names = "--json", description = "One JSON line per item found.")
  boolean json;

  @Option(names = "--prune", description = "First remove from the index the items whose files are gone (deleted or moved; "
      + "a moved file is found under its new path once it is tagged there). Without a QUERY, only prunes.")
  boolean prune;

  @Option(names = "--cache", paramLabel = "DIR", description = "The result store folder the items were tagged with (default: ${DEFAULT-VALUE}).")
  Path cache = TagCommand.DEFAULT_CACHE;

  @Override
  public Integer call() throws Exception {
    if (top < 1 || !prune && (query == null || query.isBlank()) == (evaluate == null)) {
      System.err.println("tagger search: give a QUERY, and --top must be positive");
      return 2;
    }
    if (!Files.isDirectory(cache.resolve("search"))) {
      System.err.println("tagger search: no search index in " + cache + "; tag items with --cache " + cache + " first");
      return 3;
    }
    if (prune) {
      try (SearchStore store = SearchStore.open(cache, 1)) {
        int removed = store.index().prune(SearchStore::missing);
        System.err.println("tagger search: pruned " + removed + (removed == 1 ? " item whose file is" : " items whose files are") + " gone");
      } catch (RuntimeException e) {
        System.err.println("tagger search: cannot prune " + cache.resolve("search") + " (a run writing to it holds it: prune when it ends): "
            + e.getMessage());
        return 3;
      }
      if (query == null || query.isBlank()) {
        return 0;
      }
    }
    try (SearchStore store = SearchStore.openToSearch(cache)) {
      if (evaluate != null) {
        System.out.printf(Locale.ROOT, "%d passages in the index%n%-8s %9s %6s %9s%n", store.index().passages(), "ranking", "recall@5", "MRR", "ms/query");
        for (dev.tagger.cli.eval.SearchEval.Figures f : dev.tagger.cli.eval.SearchEval.run(store.index(), evaluate, System.err)) {
          System.out.printf(Locale.ROOT, "%-8s %9.3f %6.3f %9.1f%n", f.mode().name().toLowerCase(Locale.ROOT), f.recallAt5(), f.mrr(), f.millisPerQuery());
        }
        return 0;
      }
      String prefix = pathPrefix == null || pathPrefix.startsWith("file:") ? pathPrefix : absolute(pathPrefix);
      List<SearchIndex.Hit> found = store.index().search(new SearchIndex.Query(query, kind, tag, prefix, top, mode));
      List<SearchIndex.Hit> hits = found.stream().filter(h -> !SearchStore.missing(h.path())).toList();
      if (hits.size() < found.size()) {
        int n = found.size() - hits.size();
        System.err.println("tagger search: left out " + n + (n == 1 ? " item whose file is" : " items whose files are") + " gone (--prune removes them)");
      }
      for (SearchIndex.Hit h : hits) {
        if (json) {
          System.out.println(JSON.createObjectNode().put("path", h.path()).put("kind", h.kind()).put("score", Math.round(h.score() * 10000) / 10000.0)
              .put("source", h.source()).put("passage", h.passage()).put("start", h.start()).put("end", h.end()));
        } else {
          String when = h.start() == null ? "" : String.format(Locale.ROOT, " at %s", clock(h.start()));
          String passage = h.passage().replaceAll("\\s*\\n\\s*", " / ");
          System.out.printf(Locale.ROOT, "%s  (%s)%n    %s%s: %s%n", h.path(), h.kind(), h.source(), when,
              passage.length() > 200 ? passage.substring(0, 197) + "..." : passage);
        }
      }
      if (!json) {
        System.err.println(hits.size() + (hits.size() == 1 ? " item" : " items"));
      }
      return 0;
    } catch (TaggerException e) {
      System.err.println("tagger search: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      System.err.println("tagger search: cannot search for that: " + e);
      return 2;
    }
  }

  /** A path prefix as the index names items: absolute, keeping a trailing separator or a partial last name. */
  static String absolute(String prefix) {
    String key = SearchIndex.key(prefix);
    return prefix.endsWith("/") && !key.endsWith("/") ? key + "/" : key;
  }

  static String clock(double seconds) {
    long s = Math.round(Math.floor(seconds));
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
