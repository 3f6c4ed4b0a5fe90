package dev.tagger.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.ItemError;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.search.SearchIndex;
import dev.tagger.search.SearchIndexSink;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink contract for {@link SearchIndexSink}, and the index behind it with the real MiniLM: a query by
 * meaning finds the passage that says it in other words (with its time), filters hold, lexical and vector
 * ranking each find what the other misses and hybrid finds both, and a re-tagged or failed item replaces
 * what the index held for it (a failed one keeps it).
 */
class SearchIndexSinkContractTest extends TagSinkContractKit {
  static SentenceEmbedder embedder;
  SearchIndex index;

  @BeforeAll
  static void open() {
    embedder = new SentenceEmbedder(2);
  }

  @AfterAll
  static void closeEmbedder() {
    embedder.close();
  }

  @AfterEach
  void closeIndex() {
    if (index != null) {
      index.close();
    }
  }

  @Override
  protected TagSink newSink() {
    index = SearchIndex.open(tmp.resolve("search"), embedder);
    return new SearchIndexSink(index);
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) {
    sink.flush();
    List<SearchIndex.Hit> hits = index.search(new SearchIndex.Query("cat", null, "cat", null, 50, SearchIndex.Mode.LEXICAL));
    assertThat(hits).hasSize((int) results.stream().filter(TagResult::succeeded).count());
  }

  static final Source SPEECH = new Source("speech", "vosk-model-en-us-0.3.45", "x");

  static TagResult item(String path, MediaKind kind, List<TextItem> texts, String... tags) {
    List<Tag> t = java.util.Arrays.stream(tags).map(n -> Tag.of(n, 0.9, Category.OBJECT, SPEECH)).toList();
    return new TagResult(path, kind, "00", t, List.of(), texts, null, false, 1);
  }

  @Test
  void aQueryByMeaningFindsThePassageThatSaysItInOtherWords() {
    SearchIndexSink sink = (SearchIndexSink) newSink();
    sink.accept(item("/media/talk.mp4", MediaKind.VIDEO, List.of(
        new TextItem("transcript", "good evening everyone", new TimeSpan(0, 2), SPEECH),
        new TextItem("transcript", "tonight we talk about wind turbines and solar panels on every roof", new TimeSpan(12.5, 17), SPEECH)), "speech"));
    sink.accept(item("/media/street.jpg", MediaKind.IMAGE, List.of(new TextItem("ocr", "NO PARKING 8AM - 6PM TOW AWAY ZONE", null, null)), "car", "street"));
    sink.accept(item("/media/beach.jpg", MediaKind.IMAGE, List.of(), "dog", "beach", "sea"));
    sink.accept(item("/media/cooking.mp4", MediaKind.VIDEO, List.of(
        new TextItem("transcript", "add two cups of flour and stir the batter", new TimeSpan(3, 6), SPEECH)), "speech", "kitchen"));
    sink.flush();

    List<SearchIndex.Hit> energy = index.search(SearchIndex.Query.of("videos discussing renewable energy", 3));
    assertThat(energy.get(0).path()).isEqualTo("/media/talk.mp4");
    assertThat(energy.get(0).passage()).contains("wind turbines");
    assertThat(energy.get(0).start()).isEqualTo(12.5);
    assertThat(index.search(SearchIndex.Query.of("the sign about parking", 3)).get(0).path()).isEqualTo("/media/street.jpg");
    assertThat(index.search(SearchIndex.Query.of("a dog at the seaside", 3)).get(0).path()).isEqualTo("/media/beach.jpg");
    assertThat(index.search(new SearchIndex.Query("baking a cake", "video", null, null, 1, SearchIndex.Mode.HYBRID)).get(0).path())
        .isEqualTo("/media/cooking.mp4");

    // filters: kind, tag, path
    assertThat(index.search(new SearchIndex.Query("renewable energy", "image", null, null, 5, SearchIndex.Mode.HYBRID)))
        .allSatisfy(h -> assertThat(h.kind()).isEqualTo("image"));
    assertThat(index.search(new SearchIndex.Query("anything at all", null, "kitchen", null, 5, SearchIndex.Mode.HYBRID)))
        .extracting(SearchIndex.Hit::path).containsExactly("/media/cooking.mp4");
    assertThat(index.search(new SearchIndex.Query("street", null, null, "/media/s", 5, SearchIndex.Mode.HYBRID)))
        .extracting(SearchIndex.Hit::path).containsExactly("/media/street.jpg");

    // lexical ranking needs the words, vector ranking does not
    assertThat(index.search(new SearchIndex.Query("renewable energy", null, null, null, 5, SearchIndex.Mode.LEXICAL))).isEmpty();
    assertThat(index.search(new SearchIndex.Query("renewable energy", null, null, null, 1, SearchIndex.Mode.VECTOR)).get(0).path())
        .isEqualTo("/media/talk.mp4");
    assertThat(index.search(new SearchIndex.Query("flour", null, null, null, 1, SearchIndex.Mode.LEXICAL)).get(0).path())
        .isEqualTo("/media/cooking.mp4");
  }

  @Test
  void aRetaggedItemReplacesItsPassagesAndAFailedOneKeepsThem() {
    SearchIndexSink sink = (SearchIndexSink) newSink();
    sink.accept(item("/media/a.jpg", MediaKind.IMAGE, List.of(new TextItem("ocr", "grand opening sale", null, null))));
    sink.flush();
    assertThat(index.search(new SearchIndex.Query("opening", null, null, null, 5, SearchIndex.Mode.LEXICAL))).hasSize(1);
    sink.accept(item("/media/a.jpg", MediaKind.IMAGE, List.of(new TextItem("ocr", "closing down", null, null))));
    sink.flush();
    assertThat(index.search(new SearchIndex.Query("opening", null, null, null, 5, SearchIndex.Mode.LEXICAL))).isEmpty();
    assertThat(index.search(new SearchIndex.Query("closing", null, null, null, 5, SearchIndex.Mode.LEXICAL))).hasSize(1);
    sink.accept(TagResult.failed("/media/a.jpg", MediaKind.IMAGE, null, new ItemError("timeout", "too slow this time"), 1));
    sink.flush();
    assertThat(index.passages()).as("a failure says nothing about the file: its passages stay").isEqualTo(1);
  }
}
