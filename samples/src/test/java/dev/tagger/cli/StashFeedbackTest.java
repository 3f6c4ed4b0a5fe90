package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.stash.FakeStash;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the in-JVM fake Stash: tag; a person removes a wrong {@code _AI} tag by hand and adds
 * one the model missed; {@code stash tag --all} does not put the removed tag back, and both corrections are
 * recorded in the feedback store.
 */
class StashFeedbackTest {
  @TempDir
  Path dir;

  @Test
  void aTagAPersonRemovedStaysRemovedAndOneTheyAddedIsRecordedAsAMiss() throws Exception {
    Path library = Files.createDirectories(dir.resolve("library"));
    List<String> photos = List.of("dog-bicycle.jpg", "horses.jpg", "cat-chelsea.png");
    try (FakeStash stash = new FakeStash("k3y")) {
      for (int i = 0; i < photos.size(); i++) {
        Files.copy(TestModels.sampleMedia().resolve(photos.get(i)), library.resolve(photos.get(i)));
        stash.addImage(String.valueOf(i + 1), "/stash/" + photos.get(i));
      }
      CliRun first = stash(stash, "tag");
      assertThat(first.exitCode()).as(first.stderr()).isZero();
      Set<String> tagged = names(stash, "1");
      String wrong = tagged.stream().filter(n -> n.endsWith("_AI")).findFirst().orElseThrow();

      FakeStash.Tag grandpa = stash.addTag("grandpa");
      synchronized (stash) {
        stash.images.get("1").tags.removeIf(id -> stash.tags.get(id).name.equals(wrong));
        stash.images.get("1").tags.add(grandpa.id);
      }
      CliRun again = stash(stash, "tag", "--all");

      assertThat(again.exitCode()).as(again.stderr()).isZero();
      assertThat(names(stash, "1")).doesNotContain(wrong).contains("grandpa");
      Set<String> others = new TreeSet<>(tagged);
      others.remove(wrong);
      assertThat(names(stash, "1")).containsAll(others);
      CliRun export = CliRun.of("feedback", "export", "--cache", dir.resolve("feedback").toString());
      String label = wrong.substring(0, wrong.length() - "_AI".length());
      assertThat(export.stdout()).contains("\"tag\":\"" + label + "\",\"verdict\":\"reject\"")
          .contains("\"tag\":\"grandpa\",\"verdict\":\"added\"").contains("\"origin\":\"stash\"");
      CliRun third = stash(stash, "tag", "--all");
      assertThat(names(stash, "1")).doesNotContain(wrong);
      assertThat(CliRun.of("feedback", "export", "--cache", dir.resolve("feedback").toString()).stdout().split("\n"))
          .as("nothing recorded twice").hasSize(export.stdout().split("\n").length);
      assertThat(third.exitCode()).isZero();
    }
  }

  @Test
  void aTagPutUnderAiTeachIsLearnedFromItsItemsAndFoundOnTheOthers() throws Exception {
    Path library = Files.createDirectories(dir.resolve("library"));
    dev.tagger.spi.RgbImage cat = new dev.tagger.media.FfmpegMediaDecoder().decodeImage(dev.tagger.Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    int w = cat.width() * 3 / 4;
    int h = cat.height() * 3 / 4;
    try (FakeStash stash = new FakeStash("k3y")) {
      FakeStash.Tag ours = stash.addTag("our cat");
      int[][] corners = {{0, 0}, {cat.width() - w, 0}, {0, cat.height() - h}};
      for (int i = 0; i < corners.length; i++) {
        TeachCommandTest.write(cat, corners[i][0], corners[i][1], w, h, library.resolve("crop-" + i + ".png"));
        stash.addImage("c" + i, "/stash/crop-" + i + ".png", ours.id);
      }
      List<String> others = List.of("cat-chelsea.png", "horses.jpg", "coffee-cup.png", "eagle.jpg", "dog-bicycle.jpg", "street-people-cars.jpg");
      for (int i = 0; i < others.size(); i++) {
        Files.copy(TestModels.sampleMedia().resolve(others.get(i)), library.resolve(others.get(i)));
        stash.addImage(String.valueOf(i + 1), "/stash/" + others.get(i));
      }
      CliRun first = stash(stash, "tag");
      assertThat(first.exitCode()).as(first.stderr()).isZero(); // it made AI_teach, for a person to put tags under
      synchronized (stash) {
        ours.parents.add(stash.tags.values().stream().filter(t -> t.name.equals("AI_teach")).findFirst().orElseThrow().id);
      }
      CliRun taught = stash(stash, "tag", "--all");

      assertThat(taught.exitCode()).as(taught.stderr()).isZero();
      assertThat(taught.stderr()).contains("taught 'our cat' from 3 items");
      assertThat(names(stash, "1")).anyMatch(n -> n.startsWith("our cat_AI"));
      assertThat(names(stash, "2")).noneMatch(n -> n.startsWith("our cat_AI"));
      assertThat(CliRun.of("taught", "--cache", dir.resolve("feedback").toString()).stdout()).startsWith("our cat\t3 examples");
    }
  }

  private CliRun stash(FakeStash stash, String action, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("stash", action, "--url", stash.url(), "--api-key", "k3y", "--images",
        "--path-map", "/stash=" + dir.resolve("library"), "--analyzers", "classifier,objects", "--workers", "0",
        "--models", TestModels.dir().toString(), "--feedback", dir.resolve("feedback").toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static Set<String> names(FakeStash stash, String image) {
    synchronized (stash) {
      return new TreeSet<>(stash.images.get(image).tags.stream().map(t -> stash.tags.get(t).name).toList());
    }
  }
}
