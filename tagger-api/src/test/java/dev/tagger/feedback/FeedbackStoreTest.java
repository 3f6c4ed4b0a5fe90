package dev.tagger.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.TaggerException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackStoreTest {
  @TempDir
  Path dir;

  @Test
  void correctionsSurviveAReopenAndExportAsTheLinesImportReads() throws Exception {
    Instant at = Instant.parse("2026-11-30T10:15:30Z");
    Feedback reject = new Feedback("aa", "/p/cat.jpg", "dog", Verdict.REJECT, null, 0.82, "stash", at);
    Feedback rename = new Feedback("bb", null, "tabby", Verdict.RENAME, "cat", null, "file", at);
    try (FeedbackStore store = FeedbackStore.open(dir)) {
      store.record(List.of(reject, rename));
      store.rememberWritten("stash", "scene:7", new Written("aa", "/p/cat.jpg", Map.of("dog", 0.82), List.of("holiday")));
    }
    try (FeedbackStore store = FeedbackStore.open(dir)) {
      assertThat(store.all()).containsExactly(reject, rename);
      assertThat(store.verdict("aa", "dog")).contains(Verdict.REJECT);
      assertThat(store.verdict("aa", "cat")).isEmpty();
      assertThat(store.renames()).containsEntry("tabby", "cat");
      assertThat(store.written("stash", "scene:7")).get().extracting(Written::others).isEqualTo(List.of("holiday"));
      StringWriter out = new StringWriter();
      store.export(out);
      assertThat(out.toString().split("\n")).hasSize(2);
      assertThat(FeedbackJson.fromJson(out.toString().split("\n")[0])).isEqualTo(reject);
    }
  }

  @Test
  void forgettingANameDeletesItsCorrectionsFromTheFileAndKeepsTheRest() throws Exception {
    Path store = dir.resolve("forget");
    try (FeedbackStore s = FeedbackStore.open(store)) {
      s.record(List.of(Feedback.of("aa", "Zelda Quince", Verdict.ADDED, "people"), Feedback.of("bb", "Zelda Quince", Verdict.REJECT, "stash"),
          Feedback.of("aa", "dog", Verdict.ACCEPT, "api")));
      assertThat(s.forgetLabel("zelda quince")).isEqualTo(2);
      assertThat(s.all()).extracting(Feedback::tag).containsExactly("dog");
      assertThat(s.forgetLabel("Nobody")).isZero();
    }
    byte[] file = java.nio.file.Files.readAllBytes(store.resolve(FeedbackStore.FILE));
    assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Zelda");
    try (FeedbackStore s = FeedbackStore.open(store)) {
      assertThat(s.all()).extracting(Feedback::tag).containsExactly("dog");
    }
  }

  @Test
  void theLatestVerdictOnAnItemWins() {
    try (FeedbackStore store = FeedbackStore.inMemory()) {
      store.record(Feedback.of("aa", "dog", Verdict.REJECT, "api"));
      store.record(Feedback.of("aa", "Dog", Verdict.ACCEPT, "review"));
      assertThat(store.verdict("aa", "dog")).contains(Verdict.ACCEPT);
    }
  }

  @Test
  void aSecondProcessIsToldTheStoreIsInUse() throws Exception {
    try (FeedbackStore store = FeedbackStore.open(dir)) {
      Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), OpenStore.class.getName(), dir.toString()).redirectErrorStream(true).start();
      String said = new String(other.getInputStream().readAllBytes());
      assertThat(other.waitFor()).isEqualTo(1);
      assertThat(said).contains("cannot open the feedback store").contains("feedback.mv.db");
    }
  }

  @Test
  void badCorrectionsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new Feedback("aa", null, "cat", Verdict.RENAME, null, null, "api", Instant.now()))
        .hasMessage("a rename needs renameTo");
    assertThatThrownBy(() -> Verdict.parse("maybe")).hasMessageContaining("unknown verdict 'maybe'");
    assertThatThrownBy(() -> FeedbackJson.fromJson("{\"sha256\":\"aa\",\"verdict\":\"reject\"}")).hasMessage("no \"tag\"");
    assertThatThrownBy(() -> FeedbackJson.fromJson("{broken")).hasMessageStartingWith("not JSON");
  }

  /** Opens the store in another JVM: exit 1 with the message when it cannot. */
  public static final class OpenStore {
    public static void main(String[] args) {
      try (FeedbackStore store = FeedbackStore.open(Path.of(args[0]))) {
        System.exit(0);
      } catch (TaggerException e) {
        System.out.println(e.getMessage());
        System.exit(1);
      }
    }
  }
}
