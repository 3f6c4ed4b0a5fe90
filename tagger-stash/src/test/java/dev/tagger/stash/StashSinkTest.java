package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Segment;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Markers from segments: limits per tag, merge gap, shared spans, no duplicates. */
class StashSinkTest {
  static Tag tag(String name, double confidence, Segment... segments) {
    return new Tag(name, confidence, Category.OBJECT, new Source("test", "m", "1"), 1.0, 1, List.of(segments), List.of(), Set.of(), false);
  }

  @Test
  void segmentsBecomeMarkersWithinTheLimitsAndTaggingTwiceAddsNone() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      stash.addScene("1", "/v/1.mkv");
      StashClient client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(3, Duration.ofMillis(5)));
      StashItem scene = new StashItem(StashItem.Kind.SCENE, "1", null, "/v/1.mkv", Map.of(), List.of());
      StashSink.Options options = new StashSink.Options(50, 1.0, 2.0, Map.of("speech", 5.0), Map.of("cup", 0.0));
      TagResult result = new TagResult("/local/1.mkv", MediaKind.VIDEO, null, List.of(
          tag("cat", 0.9, new Segment(0, 3, 0.9, 0.8), new Segment(4, 6, 0.8, 0.7)), // gap 1 s < 2 s: one marker 0-6
          tag("tabby", 0.6, new Segment(0, 3, 0.6, 0.5), new Segment(4, 6, 0.6, 0.5)), // same span: shares cat's marker
          tag("speech", 0.9, new Segment(10, 13, 0.9, 0.9)), // 3 s < 5 s for speech: no marker
          tag("cup", 0.9, new Segment(20, 20.5, 0.9, 0.9))), // 0.5 s < 1 s: no marker
          List.of(), List.of(), null, false, 1);

      try (StashSink sink = new StashSink(client, new StashTags(client), Map.of("/local/1.mkv", scene), options)) {
        sink.accept(result);
      }
      assertThat(stash.scenes.get("1").markers).hasSize(1).first().satisfies(m -> {
        assertThat(m.get("title")).isEqualTo("cat");
        assertThat(m.get("seconds")).isEqualTo(0.0);
        assertThat(((Number) m.get("end_seconds")).doubleValue()).isEqualTo(6.0);
      });

      StashItem again = new StashLibrary(client, 10).list(StashItem.Kind.SCENE, StashLibrary.Filter.ALL).get(0);
      try (StashSink sink = new StashSink(client, new StashTags(client), Map.of("/local/1.mkv", again), options)) {
        sink.accept(result);
      }
      assertThat(stash.scenes.get("1").markers).hasSize(1);
      assertThat(stash.scenes.get("1").tags).extracting(t -> stash.tags.get(t).name)
          .containsExactlyInAnyOrder("AI_tagged", "cat_AI", "tabby_AI", "speech_AI", "cup_AI");
    }
  }

  @Test
  void withALimitOnlyTheItemsWhoseAnswersTeachTheMostGetReviewTags() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      StashClient client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(3, Duration.ofMillis(5)));
      Map<String, StashItem> items = new java.util.HashMap<>();
      List<TagResult> results = new java.util.ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        stash.addImage(String.valueOf(i), "/v/" + i + ".jpg");
        items.put("/local/" + i + ".jpg", new StashItem(StashItem.Kind.IMAGE, String.valueOf(i), null, "/v/" + i + ".jpg", Map.of(), List.of()));
        // bench is uncertain on items 1-3 (frequent); kite is surer, on items 4-5
        Tag review = (i <= 3 ? tag("bench", 0.5) : tag("kite", 0.68)).withReview(true);
        results.add(new TagResult("/local/" + i + ".jpg", MediaKind.IMAGE, "sha-" + i, List.of(tag("cat", 0.9)), List.of(review),
            List.of(), null, false, 1));
      }
      try (StashSink sink = new StashSink(client, new StashTags(client), items, StashSink.Options.DEFAULT.withMaxReviewItems(2))) {
        results.forEach(sink::accept);
      }
      List<String> reviewed = stash.images.values().stream()
          .filter(i -> i.tags.stream().anyMatch(t -> stash.tags.get(t).name.equals("AI_needs_review"))).map(i -> i.id).sorted().toList();
      assertThat(reviewed).hasSize(2).allSatisfy(id -> assertThat(Integer.parseInt(id)).isLessThanOrEqualTo(3));
      assertThat(stash.images.values()).allSatisfy(i -> assertThat(i.tags.stream().map(t -> stash.tags.get(t).name)).contains("cat_AI"));
    }
  }
}
