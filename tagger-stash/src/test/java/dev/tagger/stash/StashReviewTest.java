package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying what a person reviewed, and recording what a person marked wrong. */
class StashReviewTest {
  @TempDir
  Path dir;

  static List<String> names(FakeStash stash, FakeStash.Item item) {
    return item.tags.stream().map(t -> stash.tags.get(t).name).sorted().toList();
  }

  @Test
  void reviewedTagsAreAppliedUnreviewedOnesWaitAndWrongOnesAreRemovedAndRecorded() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      StashClient client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(3, Duration.ofMillis(5)));
      StashTags tags = new StashTags(client);
      String done = tags.doneTag().id();
      String needs = tags.reviewTag().id();
      String catReview = tags.reviewTagFor("cat").id();
      String dogReview = tags.reviewTagFor("dog").id();
      FakeStash.Tag holiday = stash.addTag("holiday");
      // A person kept cat_AI_review, removed dog_AI_review, and marked the image reviewed.
      stash.addImage("1", "/p/1.jpg", done, needs, catReview, tags.reviewedTag().id());
      // Not looked at yet.
      stash.addImage("2", "/p/2.jpg", done, needs, catReview, dogReview);
      // A person says the AI tags are wrong.
      stash.addImage("3", "/p/3.jpg", done, tags.aiTag("horse").id(), holiday.id, tags.wrongTag().id());

      Path feedback = dir.resolve("feedback.jsonl");
      StashTagging.Report r = new StashTagging(client, PathMap.parse(List.of()), StashSink.Options.DEFAULT)
          .review(StashItem.Kind.IMAGE, feedback);

      assertThat(names(stash, stash.images.get("1"))).containsExactly("AI_tagged", "cat_AI");
      assertThat(names(stash, stash.images.get("2"))).containsExactly("AI_needs_review", "AI_tagged", "cat_AI_review", "dog_AI_review");
      assertThat(names(stash, stash.images.get("3"))).containsExactly("AI_tagged", "holiday");
      assertThat(Files.readAllLines(feedback)).containsExactly("{\"kind\":\"image\",\"id\":\"3\",\"wrong\":[\"horse\"]}");
      assertThat(r.written()).isEqualTo(1);
      assertThat(r.failed()).as("items judged wrong").isEqualTo(1);
    }
  }

  @Test
  void labelsAreReadBackFromOurTagNamesOnly() {
    StashTags tags = new StashTags(null);
    assertThat(tags.labelOf("cat_AI")).isEqualTo("cat");
    assertThat(tags.labelOf("grand canyon_AI_review")).isEqualTo("grand canyon");
    assertThat(tags.labelOf("AI_tagged")).isNull();
    assertThat(tags.labelOf("_AI")).isNull();
    assertThat(tags.labelOf("holiday")).isNull();
  }
}
