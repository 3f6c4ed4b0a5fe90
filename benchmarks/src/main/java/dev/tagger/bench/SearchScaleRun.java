package dev.tagger.bench;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.search.SearchIndex;
import dev.tagger.spi.TextEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What a query costs as the search index grows: N items of three passages each (a sentence of generated
 * words, an OCR-like line, the tags) with generated 384-d unit vectors (a seeded hash of the text stands
 * in for the sentence model, which is measured on its own in the query-set run), built once, then 2,000
 * hybrid, vector-only and lexical-only queries each, after 500 to warm up; prints the index's size on disk
 * and each ranking's milliseconds per query. A benchmark run, not JMH, so the index is built once:
 * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.tagger.bench.SearchScaleRun 100000}.
 */
public final class SearchScaleRun {
  static final String[] WORDS = ("wind solar energy river dam castle tower bridge dog cat horse bird fish reef coral tool hammer "
      + "pliers sign parking street city garden flower tree mountain lake beach boat car train road market kitchen cup plate "
      + "music concert speech lecture campus people walking running dinner date cartoon painting museum church temple").split(" ");

  private SearchScaleRun() {}

  /** Text to a seeded pseudo-random unit vector: generated, the same text giving the same vector. */
  static final class GeneratedVectors implements TextEmbedder {
    @Override
    public String model() {
      return "generated-384";
    }

    @Override
    public int dimensions() {
      return 384;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        Random r = new Random(t.hashCode());
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) r.nextGaussian();
          norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
          v[i] /= (float) Math.sqrt(norm);
        }
        out.add(v);
      }
      return out;
    }
  }

  public static void main(String[] args) throws IOException {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("tagger-search-scale");
    try (SearchIndex index = SearchIndex.open(dir, new GeneratedVectors())) {
      Source s = new Source("bench", "bench", "1");
      Random r = new Random(7);
      long start = System.nanoTime();
      for (int i = 0; i < items; i++) {
        List<TextItem> texts = List.of(new TextItem("transcript", sentence(r, 12), null, s), new TextItem("ocr", sentence(r, 4), null, s));
        List<Tag> tags = List.of(Tag.of(WORDS[r.nextInt(WORDS.length)], 0.9, Category.OBJECT, s), Tag.of(WORDS[r.nextInt(WORDS.length)], 0.9, Category.SCENE, s));
        index.update(new TagResult("/library/item-" + i + ".mp4", MediaKind.VIDEO, "00", tags, List.of(), texts, null, false, 1));
      }
      index.commit();
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      long bytes;
      try (Stream<Path> files = Files.walk(dir)) {
        bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      System.out.printf("%d items, %d passages, index %.1f MB (%.0f bytes a passage), built in %.0f s%n", items, index.passages(), bytes / 1e6,
          bytes / (double) index.passages(), buildSeconds);
      Random q = new Random(11);
      for (SearchIndex.Mode mode : SearchIndex.Mode.values()) {
        for (int i = 0; i < 500; i++) {
          index.search(new SearchIndex.Query(sentence(q, 3), null, null, null, 10, mode));
        }
        long t = System.nanoTime();
        int n = 2000;
        for (int i = 0; i < n; i++) {
          index.search(new SearchIndex.Query(sentence(q, 3), null, null, null, 10, mode));
        }
        System.out.printf("%-8s %.2f ms a query (top 10)%n", mode.name().toLowerCase(java.util.Locale.ROOT), (System.nanoTime() - t) / 1e6 / n);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static String sentence(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }
}
