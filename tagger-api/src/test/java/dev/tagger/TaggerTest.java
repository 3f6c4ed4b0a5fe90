package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.rules.VocabularyRule;
import dev.tagger.sink.InMemorySink;
import dev.tagger.store.FileResultStore;
import dev.tagger.testkit.Fixtures.BrightnessAnalyzer;
import dev.tagger.testkit.Fixtures.DominantColourAnalyzer;
import dev.tagger.testkit.Fixtures.ImageIoDecoder;
import dev.tagger.testkit.Fixtures.WordAnalyzer;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerTest {
  @TempDir
  Path dir;

  Path text(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void decodesAnItemOnceForAllItsAnalyzers() {
    ImageIoDecoder decoder = new ImageIoDecoder();
    Tagger tagger = Tagger.builder().decoder(decoder).analyzer(new BrightnessAnalyzer()).analyzer(new DominantColourAnalyzer()).build();
    TagResult r = tagger.tag(Media.of(TestModels.sampleMedia().resolve("coffee-cup.png")));
    assertThat(r.error()).isNull();
    assertThat(r.tags()).extracting(t -> t.source().analyzer()).containsExactlyInAnyOrder("brightness", "colour");
    assertThat(decoder.imageCalls.get()).isEqualTo(1);
  }

  @Test
  void badItemsFailWithClearErrorsAndNeverStopTheBatch() throws Exception {
    Path good = text("notes.txt", "Holiday photos from the grand canyon");
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    Path missing = dir.resolve("missing.jpg");
    Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {0, 1, 2, (byte) 0xFE, 0, 7, 9});
    Path explodes = text("boom.txt", "this will explode");
    Path good2 = text("more.txt", "canyon sunset");
    InMemorySink sink = new InMemorySink();
    List<Progress> events = new CopyOnWriteArrayList<>();
    Tagger tagger = Tagger.builder().analyzer(new WordAnalyzer()).sink(sink).parallelism(2).progressListener(events::add).build();

    BatchSummary s = tagger.tagAll(List.of(Media.of(good), Media.of(empty), Media.of(missing), Media.of(garbage),
        Media.of(dir), Media.of(explodes), Media.of(good2)));

    assertThat(s.total()).isEqualTo(7);
    assertThat(s.succeeded()).isEqualTo(2);
    assertThat(s.failed()).isEqualTo(5);
    List<TagResult> r = s.results();
    assertThat(r).extracting(TagResult::path).containsExactly(good.toString(), empty.toString(), missing.toString(),
        garbage.toString(), dir.toString(), explodes.toString(), good2.toString());
    assertThat(r.get(0).tag("canyon")).isPresent();
    assertThat(r.get(1).error()).isEqualTo(new ItemError("read", empty + ": file is empty (0 bytes)"));
    assertThat(r.get(2).error()).isEqualTo(new ItemError("read", missing + ": no such file"));
    assertThat(r.get(3).error().stage()).isEqualTo("sniff");
    assertThat(r.get(3).error().message()).startsWith(garbage + ": unrecognised content");
    assertThat(r.get(4).error().message()).isEqualTo(dir + ": is a directory, not a media file");
    assertThat(r.get(5).error()).isEqualTo(new ItemError("analyze", explodes + ": analyzer words: cannot make sense of the word 'explode'"));
    assertThat(r.get(6).tag("sunset")).isPresent();
    assertThat(sink.results()).hasSize(7);
    assertThat(events).hasSize(7);
    assertThat(events).extracting(Progress::done).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
    Progress last = events.stream().filter(p -> p.done() == 7).findFirst().orElseThrow();
    assertThat(last.failed()).isEqualTo(5);
    assertThat(last.total()).isEqualTo(7);
  }

  @Test
  void textSavedUnderAPhotoNameIsAnErrorButATextFileIsNot() throws Exception {
    Path fake = text("photo.jpg", "this is not a photo at all");
    Path notes = text("notes.txt", "this is a text file");
    BatchSummary s = Tagger.builder().analyzer(new WordAnalyzer()).build().tagAll(List.of(Media.of(fake), Media.of(notes)));
    assertThat(s.results().get(0).error()).isEqualTo(new ItemError("sniff", fake + ": named like an image file but holds plain text; it is not a media file"));
    assertThat(s.results().get(1).error()).isNull();
  }

  @Test
  void anItemOverItsTimeoutFailsAndTheRestGoOn() throws Exception {
    Path slow = text("slow.txt", "sleep forever");
    Path quick = text("quick.txt", "quick brown foxes");
    Tagger tagger = Tagger.builder().analyzer(new WordAnalyzer()).parallelism(1).itemTimeout(Duration.ofMillis(500)).build();
    BatchSummary s = tagger.tagAll(List.of(Media.of(slow), Media.of(quick)));
    assertThat(s.results().get(0).error().stage()).isEqualTo("timeout");
    assertThat(s.results().get(0).error().message()).contains(slow.toString()).contains("item timeout");
    assertThat(s.results().get(1).tag("quick")).isPresent();
  }

  @Test
  void cancellingSkipsItemsNotYetStarted() throws Exception {
    List<Media> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(Media.of(text("slow-" + i + ".txt", "sleep a while " + i)));
    }
    Tagger tagger = Tagger.builder().analyzer(new WordAnalyzer()).parallelism(1).build();
    Batch batch = tagger.start(items);
    batch.cancel();
    BatchSummary s = batch.await();
    assertThat(s.notStarted()).isGreaterThanOrEqualTo(9);
    assertThat(s.results()).allSatisfy(r -> assertThat(r.error().stage()).isEqualTo("cancelled"));
  }

  @Test
  void anAdmissionThatSaysNoStopsTheBatchTakingItemsAndTheItemsInHandFinish() throws Exception {
    List<Media> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      items.add(Media.of(text("item-" + i + ".txt", "quick brown foxes " + i)));
    }
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    Tagger tagger = Tagger.builder().analyzer(new WordAnalyzer()).parallelism(1).admission(next -> asked.incrementAndGet() <= 3).build();
    BatchSummary s = tagger.tagAll(items);
    assertThat(s.results()).hasSize(3).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
    assertThat(s.notStarted()).isEqualTo(3);
    assertThat(asked.get()).as("asked once more, then no more").isEqualTo(4);
  }

  @Test
  void anAdmissionMayWaitBeforeLettingAnItemStart() throws Exception {
    java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
    Tagger tagger = Tagger.builder().analyzer(new WordAnalyzer()).admission(next -> {
      try {
        return open.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return false;
      }
    }).build();
    Batch batch = tagger.start(List.of(Media.of(text("waits.txt", "patient tortoise"))));
    assertThat(batch.await(Duration.ofMillis(300))).as("waiting for the admission").isFalse();
    open.countDown();
    assertThat(batch.await().results()).singleElement().satisfies(r -> assertThat(r.tag("tortoise")).isPresent());
  }

  @Test
  void aResultStoreSkipsUnchangedItemsButRulesStillApply() throws Exception {
    Path a = text("a.txt", "tabby kitten");
    Path b = text("b.txt", "espresso cup");
    WordAnalyzer words = new WordAnalyzer();
    try (FileResultStore store = FileResultStore.open(dir.resolve("store"))) {
      Tagger first = Tagger.builder().analyzer(words).resultStore(store).build();
      assertThat(first.tagAll(List.of(Media.of(a), Media.of(b))).analyzed()).isEqualTo(2);
      Files.writeString(b, "espresso machine");
      Tagger second = Tagger.builder().analyzer(words).resultStore(store)
          .rule(VocabularyRule.synonyms(Map.of("cat", List.of("tabby")))).build();
      BatchSummary s = second.tagAll(List.of(Media.of(a), Media.of(b)));
      assertThat(s.cached()).isEqualTo(1);
      assertThat(s.analyzed()).isEqualTo(1);
      assertThat(words.calls.get()).isEqualTo(3);
      assertThat(s.results().get(0).fromCache()).isTrue();
      assertThat(s.results().get(0).tag("cat")).isPresent();
      assertThat(s.results().get(1).tag("machine")).isPresent();
    }
  }

  @Test
  void aThrowingSinkIsLoggedAndTheOthersStillGetEveryResult() throws Exception {
    InMemorySink healthy = new InMemorySink();
    Tagger tagger = Tagger.builder().analyzer(new WordAnalyzer())
        .sink(r -> {
          throw new IllegalStateException("disk full");
        })
        .sink(healthy).build();
    BatchSummary s = tagger.tagAll(List.of(Media.of(text("x.txt", "hello world")), Media.of(text("y.txt", "again world"))));
    assertThat(s.succeeded()).isEqualTo(2);
    assertThat(healthy.results()).hasSize(2);
  }

  @Test
  void builderRejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> Tagger.builder().parallelism(0)).hasMessage("parallelism must be >= 1, got 0");
    assertThatThrownBy(() -> Tagger.builder().itemTimeout(Duration.ZERO)).hasMessageContaining("itemTimeout must be positive");
    assertThatThrownBy(() -> Tagger.builder().analyzer(new WordAnalyzer()).analyzer(new WordAnalyzer()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'words'");
  }

  @Test
  void anImageAnalyzerWithoutADecoderSaysSo() {
    TagResult r = Tagger.builder().analyzer(new BrightnessAnalyzer()).build().tag(Media.of(TestModels.sampleMedia().resolve("coffee-cup.png")));
    assertThat(r.error().message()).contains("no MediaDecoder configured");
  }
}
