package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags by exact name against the fake Stash's LIKE filter, aliases, and the AI parent. */
class StashTagsTest {
  FakeStash stash;
  StashClient client;

  @BeforeEach
  void start() throws Exception {
    stash = new FakeStash("k");
    client = new StashClient(StashConnection.of(stash.url(), "k").withRetries(6, Duration.ofMillis(5)).withTimeout(Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    stash.close();
  }

  @Test
  void likeWildcardsAndCaseDoNotFoolTheExactLookup() {
    stash.addTag("catXAI");
    stash.addTag("cat%");
    FakeStash.Tag cat = stash.addTag("Cat");
    FakeStash.Tag kitty = stash.addTag("kitten", "kitty");

    assertThat(new StashTags(client).find("cat_AI")).isEmpty(); // LIKE 'cat_AI' matches catXAI; not ours
    assertThat(new StashTags(client).find("cat")).map(StashTags.StashTag::id).contains(cat.id);
    assertThat(new StashTags(client).find("KITTY")).map(StashTags.StashTag::id).contains(kitty.id);
    assertThat(new StashTags(client).find("ca%")).isEmpty();
  }

  @Test
  void aiTagsLiveUnderTheAiParentAndUnderThePersonsOwnTag() {
    FakeStash.Tag cat = stash.addTag("cat");
    StashTags tags = new StashTags(client);

    StashTags.StashTag catAi = tags.aiTag("cat");
    StashTags.StashTag dogAi = tags.aiTag("dog");

    FakeStash.Tag ai = stash.tags.values().stream().filter(t -> t.name.equals("AI")).findFirst().orElseThrow();
    assertThat(catAi.name()).isEqualTo("cat_AI");
    assertThat(stash.tags.get(catAi.id()).parents).containsExactlyInAnyOrder(ai.id, cat.id);
    assertThat(stash.tags.get(dogAi.id()).parents).containsExactly(ai.id);
    assertThat(stash.tags.get(catAi.id()).ignoreAutoTag).isTrue();
    assertThat(tags.isAiTag(catAi)).isTrue();

    int before = stash.mutations.get();
    StashTags again = new StashTags(client);
    assertThat(again.aiTag("cat").id()).isEqualTo(catAi.id());
    assertThat(stash.mutations.get()).as("a second run creates nothing").isEqualTo(before);
  }

  @Test
  void parentTagsFollowTheHierarchyAndEveryAiTagStaysUnderAi() {
    StashTags tags = new StashTags(client);
    StashTags.StashTag malamute = tags.aiTag("malamute", List.of("animal", "mammal", "dog"));
    FakeStash.Tag ai = stash.tags.values().stream().filter(t -> t.name.equals("AI")).findFirst().orElseThrow();
    FakeStash.Tag dog = stash.tags.values().stream().filter(t -> t.name.equals("dog_AI")).findFirst().orElseThrow();
    FakeStash.Tag mammal = stash.tags.values().stream().filter(t -> t.name.equals("mammal_AI")).findFirst().orElseThrow();
    assertThat(stash.tags.get(malamute.id()).parents).containsExactlyInAnyOrder(ai.id, dog.id);
    assertThat(dog.parents).containsExactlyInAnyOrder(ai.id, mammal.id);
    assertThat(tags.isAiTag(malamute)).isTrue();

    int before = stash.mutations.get();
    StashTags again = new StashTags(client);
    assertThat(again.aiTag("malamute", List.of("animal", "mammal", "dog")).id()).isEqualTo(malamute.id());
    assertThat(again.aiTag("malamute", List.of("animal", "mammal", "dog")).id()).isEqualTo(malamute.id());
    assertThat(stash.mutations.get()).as("a second run creates nothing").isEqualTo(before);
  }

  @Test
  void aNameThatIsAlreadyAnAliasIsFoundNotCreatedTwice() {
    FakeStash.Tag feline = stash.addTag("feline", "cat_AI");
    StashTags tags = new StashTags(client);
    assertThat(tags.findOrCreate("cat_AI", List.of(), null).id()).isEqualTo(feline.id);
    assertThat(stash.tags).hasSize(1);
  }

  @Test
  void bulkAddKeepsThePersonsTagsAndTwentyPercentFaultsChangeNothing() {
    FakeStash.Tag mine = stash.addTag("holiday");
    stash.addScene("1", "/media/one.mp4", mine.id);
    stash.addScene("2", "/media/two.mp4");
    stash.failShare = 0.2;
    stash.stallMillis = 2500;
    StashTags tags = new StashTags(client);
    String cat = tags.aiTag("cat").id();
    client.execute("BulkSceneAddTags", Map.of("ids", List.of("1", "2"), "tag_ids", List.of(cat)));
    client.execute("BulkSceneAddTags", Map.of("ids", List.of("1", "2"), "tag_ids", List.of(cat)));
    assertThat(stash.scenes.get("1").tags).containsExactlyInAnyOrder(mine.id, cat);
    assertThat(stash.scenes.get("2").tags).containsExactly(cat);
    assertThat(stash.tags).hasSize(3);
  }
}
