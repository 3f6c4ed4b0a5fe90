package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.Verdict;
import dev.tagger.feedback.Written;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

      FeedbackStore feedback = FeedbackStore.inMemory();
      // what we wrote to images 1 and 3 when we tagged them
      feedback.rememberWritten("stash", "image:1", new Written("sha-1", "/p/1.jpg", Map.of(), List.of(), Map.of("cat", 0.5, "dog", 0.45)));
      feedback.rememberWritten("stash", "image:3", new Written("sha-3", "/p/3.jpg", Map.of("horse", 0.8), List.of("holiday")));
      StashTagging.Report r = new StashTagging(client, PathMap.parse(List.of()), StashSink.Options.DEFAULT).withFeedback(feedback)
          .review(StashItem.Kind.IMAGE);

      assertThat(names(stash, stash.images.get("1"))).containsExactly("AI_tagged", "cat_AI");
      assertThat(names(stash, stash.images.get("2"))).containsExactly("AI_needs_review", "AI_tagged", "cat_AI_review", "dog_AI_review");
      assertThat(names(stash, stash.images.get("3"))).containsExactly("AI_tagged", "holiday");
      assertThat(feedback.verdict("sha-1", "cat")).contains(Verdict.ACCEPT);
      assertThat(feedback.verdict("sha-1", "dog")).contains(Verdict.REJECT);
      assertThat(feedback.verdict("sha-3", "horse")).contains(Verdict.REJECT);
      assertThat(feedback.all()).hasSize(3).allSatisfy(f -> assertThat(f.origin()).isEqualTo("stash"));
      assertThat(feedback.all()).filteredOn(f -> f.tag().equals("horse")).first().satisfies(f -> assertThat(f.confidence()).isEqualTo(0.8));
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
