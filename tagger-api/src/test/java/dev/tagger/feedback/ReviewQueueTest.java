package dev.tagger.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {
  static final Source S = new Source("object-detector", "m", "1");

  static TagResult item(int i, List<Tag> review) {
    return new TagResult("/p/" + i + ".jpg", MediaKind.IMAGE, "sha-" + i, List.of(), review, List.of(), null, false, 1);
  }

  static Tag review(String name, double c) {
    return Tag.of(name, c, Category.OBJECT, S).withReview(true);
  }

  @Test
  void uncertainFrequentLittleJudgedLabelsComeFirst() {
    List<TagResult> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      results.add(item(i, List.of(review("bench", 0.5)))); // frequent and uncertain
    }
    results.add(item(10, List.of(review("kite", 0.5)))); // as uncertain, on one item only
    results.add(item(11, List.of(review("sofa", 0.45)))); // on one item, but judged already
    results.add(item(12, List.of(review("umbrella", 0.69)))); // rarer and surer
    try (FeedbackStore store = FeedbackStore.inMemory()) {
      for (int i = 0; i < 5; i++) {
        store.record(Feedback.of("other-" + i, "sofa", Verdict.ACCEPT, "review").withConfidence(0.45));
      }
      store.record(Feedback.of("sha-3", "bench", Verdict.REJECT, "review")); // answered on item 3: not asked again

      List<ReviewQueue.Entry> q = ReviewQueue.order(results, store);

      assertThat(q).extracting(e -> e.tag().name()).startsWith("bench", "bench", "bench", "bench", "bench");
      assertThat(q).extracting(ReviewQueue.Entry::path).doesNotContain("/p/3.jpg");
      assertThat(q.subList(5, 8)).extracting(e -> e.tag().name()).containsExactly("kite", "umbrella", "sofa");
      assertThat(ReviewQueue.items(q)).hasSize(8).first().isEqualTo("/p/0.jpg");
    }
  }
}
