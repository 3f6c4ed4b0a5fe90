package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.model.Hashing;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections stick: a keyword deleted from a sidecar (as digiKam does) is never written back and drops out
 * of the JSON too, a keyword a person added is kept and recorded, and an imported file of corrections is
 * checked line by line (broken lines, unknown items and unknown tags are named and skipped).
 */
class FeedbackCommandTest {
  @TempDir
  Path dir;

  private CliRun tag(Path photo, boolean xmp) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("tag", "--models", TestModels.dir().toString(), "--cache", dir.resolve("cache").toString(),
        "--analyzers", "classifier,objects", "--workers", "0"));
    if (xmp) {
      args.add("--xmp");
    }
    args.add(photo.toString());
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aKeywordDeletedFromTheSidecarNeverComesBackAndOneAPersonAddedIsKept() throws Exception {
    Path photo = Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), dir.resolve("dog-bicycle.jpg"));
    CliRun first = tag(photo, true);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    List<String> ours = CliRun.tagNames(first.item("dog-bicycle.jpg"));
    assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
    String wrong = ours.get(0);
    Path sidecar = dir.resolve("dog-bicycle.jpg.xmp");
    String xml = Files.readString(sidecar);
    assertThat(xml).contains("<rdf:li>" + wrong + "</rdf:li>");

    // what digiKam does when a person deletes a keyword and adds one: dc:subject and the hierarchy lose it
    String edited = xml.replaceFirst("<rdf:li>" + java.util.regex.Pattern.quote(wrong) + "</rdf:li>", "<rdf:li>grandma</rdf:li>")
        .replaceAll("<rdf:li>AI\\|[^<]*\\|" + java.util.regex.Pattern.quote(wrong) + "</rdf:li>", "");
    Files.writeString(sidecar, edited);

    CliRun second = tag(photo, true);
    String after = Files.readString(sidecar);
    assertThat(dcSubject(after)).contains("grandma").doesNotContain(wrong).contains(ours.get(1));
    CliRun third = tag(photo, true);
    assertThat(CliRun.tagNames(third.item("dog-bicycle.jpg"))).doesNotContain(wrong).contains(ours.get(1));
    assertThat(dcSubject(Files.readString(sidecar))).contains("grandma").doesNotContain(wrong);

    CliRun export = CliRun.of("feedback", "export", "--cache", dir.resolve("cache").toString());
    assertThat(export.stdout()).contains("\"tag\":\"" + wrong + "\",\"verdict\":\"reject\"").contains("\"origin\":\"xmp\"")
        .contains("\"tag\":\"grandma\",\"verdict\":\"added\"");
    assertThat(second.exitCode()).isZero();
  }

  @Test
  void anImportIsCheckedLineByLineAndTheGoodLinesStick() throws Exception {
    Path photo = Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), dir.resolve("dog-bicycle.jpg"));
    Path other = Files.copy(TestModels.sampleMedia().resolve("horses.jpg"), dir.resolve("horses.jpg"));
    CliRun first = tag(photo, false);
    List<String> ours = CliRun.tagNames(first.item("dog-bicycle.jpg"));
    assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
    String sha = Hashing.sha256(photo);
    Path lines = Files.write(dir.resolve("corrections.jsonl"), List.of(
        "{\"path\":\"" + photo + "\",\"tag\":\"" + ours.get(0) + "\",\"verdict\":\"reject\"}",
        "{broken",
        "{\"path\":\"" + dir.resolve("gone.jpg") + "\",\"tag\":\"dog\",\"verdict\":\"reject\"}",
        "{\"path\":\"" + other + "\",\"tag\":\"horse\",\"verdict\":\"reject\"}",
        "{\"sha256\":\"" + sha + "\",\"tag\":\"unicorn\",\"verdict\":\"reject\"}",
        "{\"sha256\":\"" + sha + "\",\"tag\":\"" + ours.get(1) + "\",\"verdict\":\"maybe\"}",
        "{\"sha256\":\"" + sha + "\",\"tag\":\"" + ours.get(1) + "\",\"verdict\":\"rename\",\"renameTo\":\"" + ours.get(1) + " (checked)\"}"));

    CliRun imported = CliRun.of("feedback", "import", lines.toString(), "--cache", dir.resolve("cache").toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.stderr()).contains("corrections.jsonl:2: not JSON").contains("corrections.jsonl:3: unknown item: no file at")
        .contains("corrections.jsonl:4: unknown item").contains("corrections.jsonl:5: unknown tag 'unicorn'")
        .contains("corrections.jsonl:6: unknown verdict 'maybe'").contains("imported 2 corrections, rejected 5 lines");
    JsonNode again = tag(photo, false).item("dog-bicycle.jpg");
    assertThat(CliRun.tagNames(again)).doesNotContain(ours.get(0)).contains(ours.get(1) + " (checked)");
  }

  private static String dcSubject(String xml) {
    int from = xml.indexOf("<dc:subject>");
    return xml.substring(from, xml.indexOf("</dc:subject>", from));
  }
}
