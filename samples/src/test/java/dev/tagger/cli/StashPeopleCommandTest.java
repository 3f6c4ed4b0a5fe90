package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.stash.FakeStash;
import dev.tagger.stash.FakeStashPerformers;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People in Stash end to end, against the in-JVM fake Stash, on shared/testdata/faces-identity (read in place):
 * name a person from two images, and a re-run adds their performer to every other image and scene of them,
 * with markers where they appear in a video made from their photos, and to nobody else; a performer a person
 * takes off stays off; performers' own images seed people.
 */
class StashPeopleCommandTest {
  @TempDir
  Path dir;

  Path faces = TestModels.testdata("faces-identity");

  CliRun stash(FakeStash stash, String action, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("stash", action, "--url", stash.url(), "--api-key", "k3y",
        "--path-map", "/stash/faces=" + faces, "--path-map", "/stash/videos=" + dir.resolve("videos"), "--analyzers", "people",
        "--workers", "0", "--parallel", "2", "--models", TestModels.dir().toString(), "--cache", dir.resolve("cache").toString(),
        "--feedback", dir.resolve("cache").toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aPersonNamedFromTwoImagesIsAddedToTheirOtherImagesAndScenesWithMarkersAndToNobodyElse() throws Exception {
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    Files.createDirectories(dir.resolve("videos"));
    // amy for 4 s, raj for 4 s, amy again for 4 s: sampled every 2 s
    TestMedia.video(dir.resolve("videos/amy-raj-amy.mkv"), 300, 300, 5, List.of(
        new TestMedia.Shot(decoder.decodeImage(Media.of(faces.resolve("amy3.png"))), 4),
        new TestMedia.Shot(decoder.decodeImage(Media.of(faces.resolve("raj1.png"))), 4),
        new TestMedia.Shot(decoder.decodeImage(Media.of(faces.resolve("amy4.png"))), 4)));
    try (FakeStash stash = new FakeStash("k3y")) {
      FakeStashPerformers.Performer amy = stash.performers.add("Amy", null);
      stash.performers.add("Amy Farrah", null); // another performer whose name starts the same: never taken for 'Amy'
      FakeStashPerformers.Performer raj = stash.performers.add("Raj", null);
      for (String p : List.of("amy", "raj", "penny")) {
        for (int i = 1; i <= 5; i++) {
          stash.addImage(p + i, "/stash/faces/" + p + i + ".png");
        }
      }
      stash.addScene("s1", "/stash/videos/amy-raj-amy.mkv");

      CliRun first = stash(stash, "tag");
      assertThat(first.exitCode()).as(first.stderr()).isZero();
      assertThat(stash.images.values()).allSatisfy(i -> assertThat(i.performers).isEmpty()); // nobody is named yet

      String cache = dir.resolve("cache").toString();
      for (String photo : List.of("amy1.png", "amy2.png")) {
        CliRun named = CliRun.of("people", "name", "Amy", "--from", faces.resolve(photo).toString(), "--cache", cache);
        assertThat(named.exitCode()).as(named.stderr()).isZero();
      }

      CliRun again = stash(stash, "tag", "--all");
      assertThat(again.exitCode()).as(again.stderr()).isZero();
      for (int i = 1; i <= 5; i++) {
        assertThat(stash.images.get("amy" + i).performers).as("amy%d", i).containsExactly(amy.id);
        assertThat(stash.images.get("raj" + i).performers).as("raj%d", i).isEmpty();
        assertThat(stash.images.get("penny" + i).performers).as("penny%d", i).isEmpty();
      }
      FakeStash.Item scene = stash.scenes.get("s1");
      assertThat(scene.performers).containsExactly(amy.id);
      List<Map<String, Object>> markers = scene.markers;
      assertThat(markers).isNotEmpty().allSatisfy(m -> assertThat(m.get("title")).isEqualTo("Amy"));
      assertThat(markers).anySatisfy(m -> assertThat(((Number) m.get("seconds")).doubleValue()).isLessThan(2));
      assertThat(markers).anySatisfy(m -> assertThat(((Number) m.get("seconds")).doubleValue()).isBetween(7.9, 10.1));
      // raj's 4-8 s is no span of amy's
      assertThat(markers).noneSatisfy(m -> assertThat(((Number) m.get("seconds")).doubleValue()).isBetween(4.5, 7.5));
      assertThat(stash.performers.byId.values()).extracting(p -> p.name).containsExactly("Amy", "Amy Farrah", "Raj"); // none created
      assertThat(stash.images.values()).noneSatisfy(i -> assertThat(i.performers).contains(raj.id));

      int markersBefore = markers.size();
      stash.images.get("amy5").performers.remove(amy.id); // a person says amy5 is not Amy
      CliRun third = stash(stash, "tag", "--all");
      assertThat(third.exitCode()).as(third.stderr()).isZero();
      assertThat(stash.images.get("amy5").performers).isEmpty();
      assertThat(stash.images.get("amy4").performers).containsExactly(amy.id);
      assertThat(scene.markers).hasSize(markersBefore);
    }
  }

  @Test
  void performersImagesSeedPeopleAndAnUnknownPerformerIsCreatedOnlyWhenAllowed() throws Exception {
    try (FakeStash stash = new FakeStash("k3y")) {
      FakeStashPerformers.Performer penny = stash.performers.add("Penny", null);
      penny.image = Files.readAllBytes(faces.resolve("penny2.png"));
      stash.performers.add("Nobody In Particular", null); // no image of their own: nothing to seed from
      for (String p : List.of("penny1", "penny3", "penny4", "penny5", "raj2", "raj3", "raj4", "raj5")) {
        stash.addImage(p, "/stash/faces/" + p + ".png");
      }
      stash.images.get("penny4").performers.add(penny.id); // a person set this one: an example too

      CliRun seed = stash(stash, "people", "seed");
      assertThat(seed.exitCode()).as(seed.stderr()).isZero();
      assertThat(seed.stdout()).contains("people seeded from 2 performers: 2 pictures, 2 named");
      assertThat(dir.resolve("cache/performer-images")).doesNotExist(); // the downloads are gone

      CliRun tag = stash(stash, "tag");
      assertThat(tag.exitCode()).as(tag.stderr()).isZero();
      // penny5 lies within the clustering distance of the examples; penny1 and penny3 may not (0.50-0.59 away)
      assertThat(stash.images.get("penny5").performers).containsExactly(penny.id);
      assertThat(stash.images.values()).filteredOn(i -> i.performers.contains(penny.id)).allSatisfy(i -> assertThat(i.id).startsWith("penny"));

      String cache = dir.resolve("cache").toString();
      assertThat(CliRun.of("people", "name", "Raj Koothrappali", "--from", faces.resolve("raj2.png").toString(), "--cache", cache).exitCode())
          .isZero();
      CliRun notAllowed = stash(stash, "tag", "--all");
      assertThat(notAllowed.stderr()).contains("no performer named 'Raj Koothrappali'");
      assertThat(stash.performers.named("Raj Koothrappali")).isNull();
      CliRun allowed = stash(stash, "tag", "--all", "--create-performers");
      assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
      String raj = stash.performers.named("Raj Koothrappali").id;
      assertThat(stash.images.get("raj2").performers).containsExactly(raj);
      assertThat(stash.images.get("penny5").performers).containsExactly(penny.id);
    }
  }
}
