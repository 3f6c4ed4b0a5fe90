package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People from the CLI, on shared/testdata/faces-identity (read in place): tag with the people analyzer, name a
 * person from one photo, see the name on their other photos and on nobody else's, refuse bad requests, and
 * forget the person.
 */
class PeopleCommandTest {
  @TempDir
  Path dir;

  @Test
  void nameAPersonFromAPhotoSeeThemTaggedAndForgetThem() throws Exception {
    Path faces = TestModels.testdata("faces-identity");
    String cache = dir.resolve("cache").toString();
    List<String> tag = new ArrayList<>(List.of("tag", "--cache", cache, "--models", TestModels.dir().toString(), "--analyzers", "people",
        "--workers", "0"));
    for (String p : List.of("amy", "raj")) {
      for (int i = 1; i <= 5; i++) {
        tag.add(faces.resolve(p + i + ".png").toString());
      }
    }
    CliRun first = CliRun.of(tag.toArray(String[]::new));
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    CliRun list = CliRun.of("people", "--cache", cache, "--crops", dir.resolve("crops").toString());
    assertThat(list.stdout()).contains("(unnamed)").contains("faces");
    assertThat(dir.resolve("crops")).isDirectoryContaining("glob:**.png");

    CliRun named = CliRun.of("people", "name", "Amy", "--from", faces.resolve("amy1.png").toString(), "--cache", cache);
    assertThat(named.exitCode()).as(named.stderr()).isZero();
    assertThat(named.stdout()).contains("is Amy");

    CliRun again = CliRun.of(tag.toArray(String[]::new));
    for (int i = 2; i <= 5; i++) {
      JsonNode amy = again.item("amy" + i + ".png");
      assertThat(amy.get("tags").toString()).as("amy%d", i).contains("\"name\":\"Amy\",").contains("\"category\":\"person\"");
    }
    for (int i = 1; i <= 5; i++) {
      assertThat(again.item("raj" + i + ".png").get("tags").toString()).doesNotContain("\"Amy\"");
    }

    assertThat(CliRun.of("people", "name", "999", "Someone", "--cache", cache).stderr()).contains("no cluster 999");
    CliRun twice = CliRun.of("people", "name", "amy", "--from", faces.resolve("raj1.png").toString(), "--cache", cache);
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.stderr()).contains("'amy' already names cluster");
    assertThat(CliRun.of("people", "forget", "Nobody", "--cache", cache).stderr()).contains("nobody is named 'Nobody'");

    assertThat(CliRun.of("feedback", "export", "--cache", cache).stdout()).contains("\"Amy\""); // the name was feedback
    CliRun forgot = CliRun.of("people", "forget", "Amy", "--cache", cache);
    assertThat(forgot.stdout()).contains("forgot Amy");
    assertThat(CliRun.of("feedback", "export", "--cache", cache).stdout()).doesNotContain("\"Amy\""); // and is not now
    CliRun after = CliRun.of(tag.toArray(String[]::new));
    assertThat(after.item("amy2.png").get("tags").toString()).doesNotContain("\"Amy\"");
    assertThat(CliRun.of("people", "--cache", cache).stdout()).doesNotContain("Amy");
  }
}
