package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.stash.FakeStash;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagger search} over what {@code tag --cache} indexed, with the real models: a sign found by what it
 * says in other words, a spoken phrase found with the time it was said, a file by the words of its name, filters, and the
 * same through Stash
 * ({@code stash search}: ids and links).
 */
class SearchCommandTest {
  @TempDir
  Path dir;

  Path media() throws Exception {
    Path media = Files.createDirectories(dir.resolve("media"));
    // names without words, so that what is found is found by what the models read, saw and heard; the cat's name has two
    Files.copy(TestModels.sampleMedia().resolve("sign-parking.jpg"), media.resolve("p1.jpg"));
    Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), media.resolve("p2.jpg"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), media.resolve("kitchen-window.png"));
    Files.copy(TestModels.sampleMedia().resolve("audio/Front_Center.wav"), media.resolve("a1.wav"));
    return media;
  }

  @Test
  void taggedItemsAreFoundByMeaningWithTheirEvidence() throws Exception {
    Path media = media();
    Path cache = dir.resolve("cache");
    CliRun tag = CliRun.of("tag", "--cache", cache.toString(), "--workers", "0", "--no-subtitles", "--analyzers", "classifier,objects,ocr,ppocr,speech",
        "--models", TestModels.dir().toString(), media.toString());
    assertThat(tag.exitCode()).as(tag.stderr()).isZero();

    CliRun sign = CliRun.of("search", "--cache", cache.toString(), "--json", "--top", "3", "the sign about parking");
    assertThat(sign.exitCode()).as(sign.stderr()).isZero();
    JsonNode first = sign.lines().get(0);
    assertThat(first.path("path").asText()).endsWith("p1.jpg");
    assertThat(first.path("source").asText()).isIn("ocr", "tags", "review tags"); // the evidence: what it says, or what it shows
    assertThat(first.path("passage").asText()).isNotBlank();

    CliRun spoken = CliRun.of("search", "--cache", cache.toString(), "--json", "--kind", "audio", "front center");
    JsonNode said = spoken.lines().get(0);
    assertThat(said.path("path").asText()).endsWith("a1.wav");
    assertThat(said.path("source").asText()).isEqualTo("transcript");
    assertThat(said.path("start").isNumber()).isTrue();
    assertThat(spoken.lines()).allSatisfy(l -> assertThat(l.path("kind").asText()).isEqualTo("audio"));

    CliRun dogs = CliRun.of("search", "--cache", cache.toString(), "--json", "--tag", "dog", "an animal");
    assertThat(dogs.lines()).extracting(l -> Path.of(l.path("path").asText()).getFileName().toString()).containsExactly("p2.jpg");

    CliRun named = CliRun.of("search", "--cache", cache.toString(), "--json", "--mode", "lexical", "kitchen window");
    assertThat(named.lines().get(0).path("path").asText()).endsWith("kitchen-window.png");
    assertThat(named.lines().get(0).path("source").asText()).as("the words of its file name").isEqualTo("file name");

    CliRun none = CliRun.of("search", "--cache", dir.resolve("never-tagged").toString(), "anything");
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.stderr()).contains("no search index");
  }

  @Test
  void deletedAndMovedFilesLeaveTheIndex() throws Exception {
    Path media = Files.createDirectories(dir.resolve("moving"));
    Files.writeString(media.resolve("harbour-crane.txt"), "The old harbour crane lifted containers from the ships for forty years.");
    Files.writeString(media.resolve("market-hall.txt"), "The market hall sells fish, bread and flowers every Saturday morning.");
    Path cache = dir.resolve("cache");
    String[] tag = {"tag", "--cache", cache.toString(), "--workers", "0", "--analyzers", "keywords", "--models", TestModels.dir().toString(),
        media.toString()};
    assertThat(CliRun.of(tag).exitCode()).isZero();

    Files.delete(media.resolve("market-hall.txt"));
    CliRun hidden = CliRun.of("search", "--cache", cache.toString(), "--json", "fish and bread");
    assertThat(hidden.lines()).extracting(l -> l.path("path").asText()).noneMatch(p -> p.endsWith("market-hall.txt"));
    assertThat(hidden.stderr()).contains("left out 1 item whose file is gone");
    CliRun pruned = CliRun.of("search", "--cache", cache.toString(), "--prune");
    assertThat(pruned.exitCode()).isZero();
    assertThat(pruned.stderr()).contains("pruned 1 item whose file is gone");

    Path moved = Files.createDirectories(media.resolve("port"));
    Files.move(media.resolve("harbour-crane.txt"), moved.resolve("harbour-crane.txt"));
    assertThat(CliRun.of(tag).exitCode()).isZero(); // the run over the folder finds it anew and lets the old path go
    CliRun crane = CliRun.of("search", "--cache", cache.toString(), "--json", "containers from ships");
    assertThat(crane.lines()).extracting(l -> l.path("path").asText()).containsExactly(moved.resolve("harbour-crane.txt").toString());
    assertThat(crane.stderr()).doesNotContain("left out");
  }

  @Test
  void stashSearchAnswersWithTheItemsIdsAndLinks() throws Exception {
    Path media = media();
    Path cache = dir.resolve("stash-cache");
    try (FakeStash stash = new FakeStash("k3y")) {
      stash.addImage("7", "/stash/library/p1.jpg");
      stash.addImage("8", "/stash/library/p2.jpg");
      List<String> common = List.of("--url", stash.url(), "--api-key", "k3y", "--path-map", "/stash/library=" + media, "--cache", cache.toString());
      List<String> tag = new java.util.ArrayList<>(List.of("stash", "tag", "--images", "--analyzers", "classifier,objects,ocr,ppocr", "--min-confidence", "0.3",
          "--models", TestModels.dir().toString(), "--feedback", dir.resolve("feedback").toString(), "--workers", "0"));
      tag.addAll(common);
      CliRun tagged = CliRun.of(tag.toArray(String[]::new));
      assertThat(tagged.exitCode()).as(tagged.stderr()).isZero();

      List<String> search = new java.util.ArrayList<>(List.of("stash", "search", "the parking sign"));
      search.addAll(common);
      CliRun found = CliRun.of(search.toArray(String[]::new));
      assertThat(found.exitCode()).as(found.stderr()).isZero();
      assertThat(found.stdout().lines().findFirst().orElse("")).startsWith("image 7  " + stash.url() + "/images/7");
    }
  }
}
