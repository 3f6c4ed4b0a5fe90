package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagger review} asks about the review tags, most informative first, and records the answers. */
class ReviewCommandTest {
  @TempDir
  Path dir;

  @Test
  void answersBecomeFeedbackAndARejectedTagIsNotAskedAgain() throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    for (String p : List.of("squirrel.jpg", "street-people-cars.jpg", "person-dog-horse.jpg", "group-outdoors.jpg", "dog-bicycle.jpg",
        "horses.jpg", "eagle.jpg", "coffee-cup.png")) {
      Files.copy(TestModels.sampleMedia().resolve(p), photos.resolve(p));
    }
    String cache = dir.resolve("cache").toString();
    CliRun review = CliRun.withInput("r\na\nn\nmy own name\ns\nq\n", "review", "--cache", cache, "--models", TestModels.dir().toString(),
        "--analyzers", "classifier,objects", photos.toString());

    assertThat(review.exitCode()).as(review.stderr()).isZero();
    assertThat(review.stdout()).contains("8 items").contains("recorded 3 answers");
    List<String> asked = review.stdout().lines().filter(l -> l.contains("? ")).toList();
    assertThat(asked).hasSizeGreaterThanOrEqualTo(5);
    String export = CliRun.of("feedback", "export", "--cache", cache).stdout();
    assertThat(export.lines().toList()).hasSize(3);
    assertThat(export).contains("\"verdict\":\"reject\"").contains("\"verdict\":\"accept\"").contains("\"renameTo\":\"my own name\"")
        .contains("\"origin\":\"review\"");

    String first = asked.get(0).substring(0, asked.get(0).lastIndexOf(" ("));
    CliRun again = CliRun.withInput("q\n", "review", "--cache", cache, "--models", TestModels.dir().toString(),
        "--analyzers", "classifier,objects", photos.toString());
    assertThat(again.stdout().lines().filter(l -> l.contains("? ")).map(l -> l.substring(0, l.lastIndexOf(" (")))).doesNotContain(first);
  }
}
