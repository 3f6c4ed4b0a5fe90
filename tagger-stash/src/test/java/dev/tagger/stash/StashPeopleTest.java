package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.people.PersonTags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Named people as Stash performers: exact name or alias (never LIKE alone), never guessed between two of the
 * same name, created only when allowed and then once, added in ADD mode, and markers where they appear.
 */
class StashPeopleTest {
  static Tag person(String name, Segment... segments) {
    return new Tag(name, 0.8, Category.PERSON, PersonTags.SOURCE, 1.0, 1, List.of(segments), List.of(), Set.of(), false);
  }

  static TagResult image(String id, Tag... tags) {
    return new TagResult("/local/" + id + ".jpg", MediaKind.IMAGE, "sha-" + id, List.of(tags), List.of(), List.of(), null, false, 1);
  }

  static StashClient client(FakeStash stash) {
    return new StashClient(StashConnection.of(stash.url(), "k").withRetries(10, Duration.ofMillis(2)));
  }

  static Map<String, StashItem> listed(StashClient client, StashItem.Kind kind) {
    Map<String, StashItem> out = new java.util.LinkedHashMap<>();
    new StashLibrary(client, 10).list(kind, StashLibrary.Filter.ALL).forEach(i -> out.put(i.path().replace("/stash/", "/local/"), i));
    return out;
  }

  @Test
  void aPersonIsMatchedByExactNameOrAliasNeverByLikeAlone() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      stash.performers.add("AnnXLee", null); // LIKE 'Ann_Lee' matches this one too
      FakeStashPerformers.Performer ann = stash.performers.add("Ann_Lee", null);
      FakeStashPerformers.Performer bo = stash.performers.add("Robert Stone", null, "Bo");
      stash.addImage("1", "/stash/1.jpg");
      stash.addImage("2", "/stash/2.jpg");
      StashClient client = client(stash);
      try (StashSink sink = new StashSink(client, new StashTags(client), listed(client, StashItem.Kind.IMAGE), StashSink.Options.DEFAULT)) {
        sink.accept(image("1", person("ann_lee")));
        sink.accept(image("2", person("bo"), StashSinkTest.tag("cat", 0.9)));
      }
      assertThat(stash.images.get("1").performers).containsExactly(ann.id);
      assertThat(stash.images.get("2").performers).containsExactly(bo.id);
      // a person is a performer, not a tag
      assertThat(stash.images.get("2").tags).extracting(t -> stash.tags.get(t).name).containsExactlyInAnyOrder("AI_tagged", "cat_AI");
      assertThat(stash.performers.byId).hasSize(3);
    }
  }

  @Test
  void withoutLeaveToCreateAnUnknownPersonIsLeftOutAndWithItCreatedOnceEvenWhenAnswersAreLost() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      stash.addImage("1", "/stash/1.jpg");
      stash.addImage("2", "/stash/2.jpg");
      StashClient client = client(stash);
      try (StashSink sink = new StashSink(client, new StashTags(client), listed(client, StashItem.Kind.IMAGE), StashSink.Options.DEFAULT)) {
        sink.accept(image("1", person("Carol Diaz")));
      }
      assertThat(stash.performers.byId).isEmpty();
      assertThat(stash.images.get("1").performers).isEmpty();

      stash.failAfterCommitShare = 0.3; // a third of the answers lost after Stash did the work
      StashSink.Options create = StashSink.Options.DEFAULT.withCreatePerformers(true);
      for (int run = 0; run < 3; run++) {
        try (StashSink sink = new StashSink(client, new StashTags(client), listed(client, StashItem.Kind.IMAGE), create)) {
          sink.accept(image("1", person("Carol Diaz")));
          sink.accept(image("2", person("Carol Diaz")));
        }
      }
      stash.failAfterCommitShare = 0;
      assertThat(stash.performers.byId.values()).extracting(p -> p.name).containsExactly("Carol Diaz");
      String carol = stash.performers.named("Carol Diaz").id;
      assertThat(stash.images.values()).allSatisfy(i -> assertThat(i.performers).containsExactly(carol));
    }
  }

  @Test
  void aPersonFoundByAliasStaysTheirsAndOnlyTakingThePerformerOffIsARejectionWithoutAConfidence() throws Exception {
    try (FakeStash stash = new FakeStash("k");
        dev.tagger.feedback.FeedbackStore feedback = dev.tagger.feedback.FeedbackStore.inMemory()) {
      FakeStashPerformers.Performer robert = stash.performers.add("Robert Stone", null, "Bo");
      stash.addImage("1", "/stash/1.jpg");
      stash.addImage("2", "/stash/2.jpg");
      StashClient client = client(stash);
      StashTags tags = new StashTags(client);
      Map<String, StashItem> before = listed(client, StashItem.Kind.IMAGE);
      try (StashSink sink = new StashSink(client, tags, before, StashSink.Options.DEFAULT)) {
        for (String id : List.of("1", "2")) {
          TagResult r = image(id, person("Bo"));
          sink.accept(r);
          sink.flush();
          new StashCorrections(feedback, tags).remember(before.get("/local/" + id + ".jpg"), r, sink.peopleWritten(before.get("/local/" + id + ".jpg")));
        }
      }
      stash.images.get("2").performers.remove(robert.id); // a person says image 2 is not Bo
      int said = new StashCorrections(feedback, tags).read(List.copyOf(listed(client, StashItem.Kind.IMAGE).values()));
      assertThat(said).isEqualTo(1);
      assertThat(feedback.all()).singleElement().satisfies(f -> {
        assertThat(f.sha256()).isEqualTo("sha-2");
        assertThat(f.tag()).isEqualTo("Bo");
        assertThat(f.verdict()).isEqualTo(dev.tagger.feedback.Verdict.REJECT);
        assertThat(f.confidence()).as("a name has no threshold to learn").isNull();
      });
    }
  }

  @Test
  void twoPerformersOfOneNameAreNotGuessedBetweenAndADisambiguationPicksOne() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      stash.performers.add("Anna", "1990");
      FakeStashPerformers.Performer later = stash.performers.add("Anna", "2001");
      stash.addImage("1", "/stash/1.jpg");
      stash.addImage("2", "/stash/2.jpg");
      StashClient client = client(stash);
      assertThatThrownBy(() -> new StashPerformers(client, true).forPerson("Anna")).isInstanceOf(StashException.class)
          .hasMessageContaining("2 performers named 'Anna'").hasMessageContaining("disambiguation");
      try (StashSink sink = new StashSink(client, new StashTags(client), listed(client, StashItem.Kind.IMAGE),
          StashSink.Options.DEFAULT.withCreatePerformers(true))) {
        sink.accept(image("1", person("Anna")));
        sink.accept(image("2", person("Anna (2001)")));
      }
      assertThat(stash.images.get("1").performers).isEmpty();
      assertThat(stash.images.get("2").performers).containsExactly(later.id);
      assertThat(stash.performers.byId).hasSize(2); // nothing created on the strength of an ambiguous name
    }
  }

  @Test
  void aSceneGetsThePerformerAndAMarkerWhereTheyAppearAndASecondRunAddsNothing() throws Exception {
    try (FakeStash stash = new FakeStash("k")) {
      FakeStashPerformers.Performer dana = stash.performers.add("Dana", null);
      stash.addScene("5", "/stash/5.mkv");
      StashClient client = client(stash);
      TagResult scene = new TagResult("/local/5.mkv", MediaKind.VIDEO, "sha-5",
          List.of(person("Dana", new Segment(0, 4, 0.8, 0.8), new Segment(10, 12, 0.8, 0.8)),
              person("Erin", new Segment(20, 24, 0.8, 0.8))), // no performer: not in Stash at all, not even as a marker
          List.of(), List.of(), null, false, 1);
      for (int run = 0; run < 2; run++) {
        try (StashSink sink = new StashSink(client, new StashTags(client), listed(client, StashItem.Kind.SCENE), StashSink.Options.DEFAULT)) {
          sink.accept(scene);
        }
      }
      assertThat(stash.scenes.get("5").performers).containsExactly(dana.id);
      assertThat(stash.scenes.get("5").markers).hasSize(2).allSatisfy(m -> {
        assertThat(m.get("title")).isEqualTo("Dana");
        assertThat(stash.tags.get((String) ((Map<?, ?>) m.get("primary_tag")).get("id")).name).isEqualTo("AI_people");
      });
      assertThat(stash.scenes.get("5").markers).extracting(m -> m.get("seconds")).containsExactly(0.0, 10.0);
      StashTagging.Report reset = new StashTagging(client, PathMap.parse(List.of()), StashSink.Options.DEFAULT).reset(StashItem.Kind.SCENE);
      assertThat(reset.markers()).isEqualTo(2); // our markers go with a reset
    }
  }
}
