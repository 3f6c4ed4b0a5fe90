package dev.tagger.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The sink contract for {@link WrittenTagsSink}: what each item got is remembered by its hash. */
class WrittenTagsSinkContractTest extends TagSinkContractKit {
  private FeedbackStore store;

  @Override
  protected TagSink newSink() {
    store = FeedbackStore.inMemory();
    return new WrittenTagsSink(store);
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) {
    TagResult ok = results.get(0);
    assertThat(store.written(WrittenTagsSink.SINK, ok.sha256())).get()
        .satisfies(w -> assertThat(w.tags()).containsKeys("cat", "sofa"));
  }

  @AfterEach
  void close() {
    store.close();
  }
}
