package dev.tagger.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.policy.PolicyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackPolicyTest {
  static final Source DETECTOR = new Source("object-detector", "coco-yolox-nano", "1");

  static Tag tag(String name, double confidence) {
    return Tag.of(name, confidence, Category.OBJECT, DETECTOR);
  }

  static List<String> names(List<Tag> tags) {
    return tags.stream().map(t -> t.name() + (t.review() ? " (review)" : "")).toList();
  }

  @Test
  void aRejectionSticksToItsItemAnAcceptanceStaysAndARenameAppliesEverywhere() {
    try (FeedbackStore store = FeedbackStore.inMemory()) {
      FeedbackPolicy policy = new FeedbackPolicy(store, PolicyOptions.DEFAULT, LabelLearning.DEFAULT_PRIOR_STRENGTH);
      store.record(List.of(Feedback.of("item-1", "dog", Verdict.REJECT, "stash"), Feedback.of("item-1", "leash", Verdict.ACCEPT, "review"),
          new Feedback("item-9", null, "tabby", Verdict.RENAME, "cat", null, "file", Instant.now())));

      assertThat(names(policy.apply("item-1", List.of(tag("dog", 0.95), tag("bicycle", 0.9), tag("leash", 0.5).withReview(true)))))
          .containsExactly("bicycle", "leash");
      assertThat(names(policy.apply("item-1", List.of(tag("bicycle", 0.9))))).as("accepted, not found this time")
          .containsExactly("bicycle", "leash");
      assertThat(names(policy.apply("item-2", List.of(tag("dog", 0.95))))).as("another item").containsExactly("dog");
      assertThat(names(policy.apply("item-3", List.of(tag("tabby", 0.9))))).containsExactly("cat");
      assertThat(names(policy.apply("item-1", List.of(tag("Dog", 0.95).withName("hound"))))).as("rejected under its earlier name")
          .containsExactly("leash");
    }
  }

  @Test
  void aLabelRejectedAgainAndAgainGoesToReviewThenAwayAndOneAcceptedAgainAndAgainIsApplied() {
    try (FeedbackStore store = FeedbackStore.inMemory()) {
      FeedbackPolicy policy = new FeedbackPolicy(store, PolicyOptions.DEFAULT, LabelLearning.DEFAULT_PRIOR_STRENGTH);
      List<Feedback> judged = new ArrayList<>();
      judged.add(Feedback.of("kite-0", "kite", Verdict.REJECT, "review").withConfidence(0.8));
      for (int i = 0; i < 3; i++) {
        judged.add(Feedback.of("sofa-" + i, "sofa", Verdict.ACCEPT, "review").withConfidence(0.55));
      }
      store.record(judged);
      assertThat(names(policy.apply("new", List.of(tag("kite", 0.8), tag("sofa", 0.55).withReview(true), tag("bench", 0.8)))))
          .containsExactly("kite (review)", "sofa", "bench");

      List<Feedback> more = new ArrayList<>();
      for (int i = 1; i < 4; i++) {
        more.add(Feedback.of("kite-" + i, "kite", Verdict.REJECT, "review").withConfidence(0.8));
      }
      store.record(more);
      assertThat(names(policy.apply("new", List.of(tag("kite", 0.8))))).isEmpty();
      assertThat(names(policy.apply("new", List.of(tag("kite", 0.99))))).as("judged far from this confidence: the calibration stands")
          .containsExactly("kite");
    }
  }

  @Test
  void aLearnedTagKeepsTheConfidenceLaterVerdictsAreCountedAtAndAnAcceptedRenamedTagComesOnce() {
    try (FeedbackStore store = FeedbackStore.inMemory()) {
      FeedbackPolicy policy = new FeedbackPolicy(store, PolicyOptions.DEFAULT, LabelLearning.DEFAULT_PRIOR_STRENGTH);
      store.record(Feedback.of("k-0", "kite", Verdict.REJECT, "review").withConfidence(0.8));
      Tag kite = policy.apply("new", List.of(tag("kite", 0.8))).get(0);
      assertThat(kite.review()).isTrue();
      assertThat(kite.confidence()).isEqualTo(0.8);

      store.record(List.of(Feedback.of("item-1", "dog", Verdict.ACCEPT, "review"),
          new Feedback("item-9", null, "dog", Verdict.RENAME, "canine", null, "file", Instant.now())));
      assertThat(names(policy.apply("item-1", List.of(tag("dog", 0.95))))).containsExactly("canine");
      assertThat(names(policy.apply("item-1", List.of()))).containsExactly("canine");
    }
  }
}
