package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The sink contract for {@link StashSink} against the in-JVM fake Stash: results from many threads, failures, flush, close twice. */
class StashSinkContractTest extends TagSinkContractKit {
  private FakeStash stash;

  @Override
  protected TagSink newSink() {
    try {
      stash = new FakeStash("k");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, StashItem> items = new HashMap<>();
    for (int i = 0; i <= 20; i++) {
      String local = tmp.resolve(i == 20 ? "bad.jpg" : "item-" + i + ".jpg").toString();
      String id = String.valueOf(i + 1);
      stash.addImage(id, "/stash/" + id + ".jpg");
      items.put(local, new StashItem(StashItem.Kind.IMAGE, id, null, "/stash/" + id + ".jpg", Map.of(), List.of()));
    }
    StashClient client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(3, Duration.ofMillis(5)));
    return new StashSink(client, new StashTags(client), items, StashSink.Options.DEFAULT);
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) {
    for (int i = 0; i < 20; i++) {
      assertThat(stash.images.get(String.valueOf(i + 1)).tags).extracting(t -> stash.tags.get(t).name)
          .as("item %d", i).contains("cat_AI", "AI_tagged").doesNotContain("sofa_AI");
    }
    assertThat(stash.images.get("21").tags).as("the failed item").isEmpty();
  }

  @AfterEach
  void stopStash() {
    if (stash != null) {
      stash.close();
    }
  }
}
