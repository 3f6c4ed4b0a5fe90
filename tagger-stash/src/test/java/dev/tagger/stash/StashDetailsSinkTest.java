package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's caption becomes a scene's details only where the scene has none, and a retried write lands once. */
class StashDetailsSinkTest {
  static final Source MODEL = new Source("remote-vision", "big via http://gateway/v1", "vision-prompt-1");

  static TagResult described(String path, String caption) {
    return new TagResult(path, MediaKind.VIDEO, "00", List.of(), List.of(), List.of(new TextItem("caption", caption, null, MODEL)), null, false, 1);
  }

  @Test
  void emptyDetailsGetTheCaptionAndAPersonsDetailsStay() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      stash.addScene("1", "/v/1.mkv");
      stash.addScene("2", "/v/2.mkv").details = "Filmed by Ana at the lake.";
      stash.addScene("3", "/v/3.mkv");
      StashClient client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(3, Duration.ofMillis(5)));
      Map<String, StashItem> items = Map.of(
          "/local/1.mkv", new StashItem(StashItem.Kind.SCENE, "1", null, "/v/1.mkv", Map.of(), List.of()),
          "/local/2.mkv", new StashItem(StashItem.Kind.SCENE, "2", null, "/v/2.mkv", Map.of(), List.of()),
          "/local/3.mkv", new StashItem(StashItem.Kind.SCENE, "3", null, "/v/3.mkv", Map.of(), List.of()));
      StashDetailsSink sink = new StashDetailsSink(client, items);

      sink.accept(described("/local/1.mkv", "A dog runs along a beach."));
      sink.accept(described("/local/2.mkv", "A lake at dusk."));
      sink.accept(new TagResult("/local/3.mkv", MediaKind.VIDEO, "00", List.of(), List.of(),
          List.of(new TextItem("transcript", "hello there", null, null)), null, false, 1)); // no model wrote a description
      sink.accept(described("/local/1.mkv", "Another caption.")); // a second run: the details are ours now, and stay

      assertThat(stash.scenes.get("1").details).isEqualTo("A dog runs along a beach.");
      assertThat(stash.scenes.get("2").details).isEqualTo("Filmed by Ana at the lake.");
      assertThat(stash.scenes.get("3").details).isNull();
      assertThat(sink.written()).isEqualTo(1);
    }
  }

  @Test
  void aWriteThatLandedButWasNotAnsweredIsNotRepeated() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      stash.addScene("1", "/v/1.mkv");
      StashClient client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(4, Duration.ofMillis(5)));
      StashDetailsSink sink = new StashDetailsSink(client,
          Map.of("/local/1.mkv", new StashItem(StashItem.Kind.SCENE, "1", null, "/v/1.mkv", Map.of(), List.of())));
      stash.mutationsToLoseAnswers.set(1); // the write is carried out, then answered 500
      sink.accept(described("/local/1.mkv", "A dog runs along a beach."));

      assertThat(stash.scenes.get("1").details).isEqualTo("A dog runs along a beach.");
      assertThat(stash.scenes.get("1").writes.get()).as("written once").isEqualTo(1);
    }
  }
}
