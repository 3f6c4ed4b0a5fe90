package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.stash.FakeStash;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagger stash tag|reset} against the in-JVM fake Stash with 300 scenes and 300 images whose
 * files are real media (sample photos, and short videos made from them): tags and markers land, a second
 * run changes nothing, reset leaves only the person's tags, and 20% failing requests end in the same state.
 */
class StashCommandTest {
  static final int N = 300;
  @TempDir
  static Path dir;

  @BeforeAll
  static void media() throws Exception {
    Path files = Files.createDirectories(dir.resolve("library"));
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    List<String> photos = List.of("cat-chelsea.png", "coffee-cup.png", "dog-bicycle.jpg", "eagle.jpg", "horses.jpg");
    var cat = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    var cup = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("coffee-cup.png")));
    Path video = TestMedia.video(dir.resolve("cat-then-cup.mkv"), 320, 240, 5,
        List.of(new TestMedia.Shot(cat, 3), new TestMedia.Shot(cup, 3)));
    for (int i = 1; i <= N; i++) {
      Files.createLink(files.resolve(String.format("img-%03d.%s", i, photos.get(i % photos.size()).endsWith("png") ? "png" : "jpg")),
          TestModels.sampleMedia().resolve(photos.get(i % photos.size())));
      Files.createLink(files.resolve(String.format("scene-%03d.mkv", i)), video);
    }
  }

  static FakeStash library(String key) throws Exception {
    FakeStash stash = new FakeStash(key);
    FakeStash.Tag holiday = stash.addTag("holiday");
    stash.addTag("cat");
    for (int i = 1; i <= N; i++) {
      String[] mine = i % 3 == 0 ? new String[] {holiday.id} : new String[0];
      stash.addScene(String.valueOf(i), String.format("/stash/library/scene-%03d.mkv", i), mine);
      String name = Files.exists(dir.resolve("library").resolve(String.format("img-%03d.png", i))) ? String.format("img-%03d.png", i) : String.format("img-%03d.jpg", i);
      stash.addImage(String.valueOf(i), "/stash/library/" + name, mine);
    }
    stash.addGallery("g1", "1", "2", "3", "4", "5");
    return stash;
  }

  static CliRun stash(FakeStash stash, String action, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("stash", action, "--url", stash.url(), "--api-key", "k3y",
        "--path-map", "/stash/library=" + dir.resolve("library"), "--analyzers", "classifier", "--parallel", "2", "--min-confidence", "0.3",
        "--models", TestModels.dir().toString(), "--feedback", dir.resolve("feedback-" + stash.url().hashCode()).toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Every item's tag names and every scene's markers (title and start): what a person sees. */
  static Map<String, String> state(FakeStash stash) {
    Map<String, String> out = new TreeMap<>();
    // markers as a sorted list, not a set: a marker created twice must show
    stash.scenes.values().forEach(i -> out.put("scene " + i.id, new TreeSet<>(i.tags.stream().map(t -> stash.tags.get(t).name).toList())
        + " " + i.markers.stream().map(m -> m.get("title") + "@" + m.get("seconds")).sorted().toList()));
    stash.images.values().forEach(i -> out.put("image " + i.id, new TreeSet<>(i.tags.stream().map(t -> stash.tags.get(t).name).toList()).toString()));
    stash.galleries.values().forEach(g -> out.put("gallery " + g.id, new TreeSet<>(g.tags.stream().map(t -> stash.tags.get(t).name).toList()).toString()));
    return out;
  }

  @Test
  void tagRetagAndResetALibraryOf300ScenesAnd300Images() throws Exception {
    try (FakeStash stash = library("k3y")) {
      CliRun first = stash(stash, "tag", "--cache", dir.resolve("results").toString());
      System.out.println("first run:\n" + first.stdout());
      assertThat(first.exitCode()).as(first.stderr()).isZero();
      Map<String, String> tagged = state(stash);
      FakeStash.Item scene = stash.scenes.get("3");
      List<String> sceneTags = scene.tags.stream().map(t -> stash.tags.get(t).name).toList();
      // the cup shot's top class sits on a decision boundary (coffee or consomme, by CPU): only the cat is asserted
      assertThat(sceneTags).contains("holiday", "AI_tagged", "cat_AI");
      assertThat(scene.markers).hasSizeGreaterThanOrEqualTo(2).extracting(m -> m.get("title")).contains("cat");
      FakeStash.Tag catAi = stash.tags.values().stream().filter(t -> t.name.equals("cat_AI")).findFirst().orElseThrow();
      FakeStash.Tag cat = stash.tags.values().stream().filter(t -> t.name.equals("cat")).findFirst().orElseThrow();
      assertThat(catAi.parents).contains(cat.id);
      assertThat(stash.images.values()).allSatisfy(i -> assertThat(i.tags.stream().map(t -> stash.tags.get(t).name)).contains("AI_tagged"));
      int tagCount = stash.tags.size();
      // The gallery holds images 1-5 (photos of a dog, an eagle, horses, a cat and a cup): it gets their AI tags.
      TreeSet<String> union = new TreeSet<>();
      for (String image : List.of("1", "2", "3", "4", "5")) {
        stash.images.get(image).tags.stream().map(t -> stash.tags.get(t).name).filter(n -> n.endsWith("_AI")).forEach(union::add);
      }
      assertThat(new TreeSet<>(stash.galleries.get("g1").tags.stream().map(t -> stash.tags.get(t).name).toList()))
          .isEqualTo(union).contains("dog_AI", "eagle_AI", "cat_AI");

      CliRun holidayOnly = stash(stash, "tag", "--all", "--with-tag", "holiday", "--images", "--cache", dir.resolve("results").toString());
      assertThat(holidayOnly.stdout()).contains("images: " + N / 3 + " items");
      CliRun untagged = stash(stash, "tag");
      assertThat(untagged.stdout()).contains("scenes: 0 items").contains("images: 0 items");
      CliRun again = stash(stash, "tag", "--all", "--cache", dir.resolve("results").toString());
      System.out.println("again, analysis from the result store:\n" + again.stdout());
      assertThat(state(stash)).isEqualTo(tagged);
      assertThat(stash.tags).hasSize(tagCount);

      CliRun reset = stash(stash, "reset");
      System.out.println("reset:\n" + reset.stdout());
      assertThat(reset.exitCode()).isZero();
      for (FakeStash.Item i : stash.scenes.values()) {
        assertThat(i.tags.stream().map(t -> stash.tags.get(t).name).toList()).isEqualTo(Integer.parseInt(i.id) % 3 == 0 ? List.of("holiday") : List.of());
        assertThat(i.markers).isEmpty();
      }
      assertThat(stash.images.values()).allSatisfy(i -> assertThat(i.tags.size()).isLessThanOrEqualTo(1));
      assertThat(stash.galleries.get("g1").tags).isEmpty();
    }
  }

  @Test
  void withFailuresBeforeAndAfterStashCommitsTheEndStateIsTheSame() throws Exception {
    Map<String, String> clean;
    try (FakeStash stash = library("k3y")) {
      assertThat(stash(stash, "tag", "--cache", dir.resolve("results").toString()).exitCode()).isZero();
      clean = state(stash);
    }
    try (FakeStash stash = library("k3y")) {
      stash.failShare = 0.2;
      stash.failAfterCommitShare = 0.1;
      // An item whose writes gave up is named on stderr, counted as failed (exit code 1) and not marked done:
      // the next run finishes it. Under these faults a run or two more is enough.
      int runs = 0;
      CliRun faulty;
      do {
        faulty = stash(stash, "tag", "--cache", dir.resolve("results").toString());
        runs++;
        System.out.println("run " + runs + " with 20% of requests failing before Stash acts and 10% after it committed:\n"
            + faulty.stdout());
        if (faulty.exitCode() != 0) {
          assertThat(faulty.exitCode()).isEqualTo(1);
          assertThat(faulty.stderr()).contains("cannot write its tags");
        }
      } while (faulty.exitCode() != 0 && runs < 4);
      assertThat(faulty.exitCode()).as(faulty.stderr()).isZero();
      long cleanMarkers = clean.values().stream().mapToLong(v -> v.chars().filter(c -> c == '@').count()).sum();
      long faultyMarkers = state(stash).values().stream().mapToLong(v -> v.chars().filter(c -> c == '@').count()).sum();
      System.out.println("markers: clean run " + cleanMarkers + ", faulty runs " + faultyMarkers + " (" + runs + " runs, "
          + stash.requests.get() + " requests)");
      assertThat(state(stash)).isEqualTo(clean);
    }
  }

  @Test
  void parentTagsFileEachAiTagUnderItsParentAndAllStayUnderAi() throws Exception {
    try (FakeStash stash = library("k3y")) {
      CliRun run = stash(stash, "tag", "--images", "--parent-tags", "--cache", dir.resolve("results").toString());
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      Map<String, FakeStash.Tag> byName = new java.util.HashMap<>();
      stash.tags.values().forEach(t -> byName.put(t.name, t));
      String ai = byName.get("AI").id;
      // the photos of a cat and a dog: both mammals, both animals
      assertThat(byName.get("cat_AI").parents).contains(ai, byName.get("mammal_AI").id);
      assertThat(byName.get("mammal_AI").parents).contains(ai, byName.get("animal_AI").id);
      assertThat(byName.values()).filteredOn(t -> t.name.endsWith("_AI")).allSatisfy(t -> assertThat(t.parents).contains(ai));
    }
  }
}
