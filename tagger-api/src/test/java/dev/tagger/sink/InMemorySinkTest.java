package dev.tagger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.util.List;

/** The sink contract for the in-memory sink: every result kept, successes and failures, from many threads. */
class InMemorySinkTest extends TagSinkContractKit {
  @Override
  protected TagSink newSink() {
    return new InMemorySink();
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) {
    InMemorySink memory = (InMemorySink) sink;
    assertThat(memory.results()).containsExactlyInAnyOrderElementsOf(results);
    for (TagResult r : results) {
      assertThat(memory.result(r.path())).contains(r);
    }
  }
}
