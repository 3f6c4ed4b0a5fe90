package dev.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.sink.InMemorySink;
import dev.tagger.store.FileResultStore;
import dev.tagger.testkit.Fixtures.WordAnalyzer;
import dev.tagger.testkit.HazardSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes contain what would end this JVM: a crash in native code, an out-of-memory, native
 * memory that grows without bound, a loop that ignores cancellation, an analyzer that halts the JVM. Each
 * fails its own item with a message that says what happened; the other items are tagged.
 */
class WorkerPoolTest {
  @TempDir
  Path dir;

  private List<Media> items(int count, Map<Integer, String> hazards) throws Exception {
    List<Media> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = hazards.getOrDefault(i, "holiday photos of the canyon") + " item " + i;
      items.add(Media.of(Files.writeString(dir.resolve(String.format("item-%03d.txt", i)), text)));
    }
    return items;
  }

  private static Map<String, TagResult> byName(BatchSummary s) {
    return s.results().stream().collect(Collectors.toMap(r -> Path.of(r.path()).getFileName().toString(), Function.identity()));
  }

  @Test
  void aHundredItemsOfWhichThreeCrashTheirWorkerAndTheResultStoreKeepsTheRest() throws Exception {
    List<Media> items = items(100, Map.of(17, "segfault", 50, "segfault", 83, "segfault"));
    InMemorySink sink = new InMemorySink();
    try (WorkerPool pool = WorkerPool.builder(HazardSetup.class).workers(2).heapMegabytes(128).start();
        FileResultStore store = FileResultStore.open(dir.resolve("store"))) {
      Tagger tagger = Tagger.builder().workers(pool).sink(sink).resultStore(store).build();
      BatchSummary s = tagger.tagAll(items);

      assertThat(s.total()).isEqualTo(100);
      assertThat(s.succeeded()).isEqualTo(97);
      assertThat(s.failed()).isEqualTo(3);
      Map<String, TagResult> r = byName(s);
      for (String crashed : List.of("item-017.txt", "item-050.txt", "item-083.txt")) {
        assertThat(r.get(crashed).error().stage()).isEqualTo("crash");
        assertThat(r.get(crashed).error().message()).contains(crashed).contains("crashed in native code (signal 11, SIGSEGV)");
      }
      assertThat(r.get("item-018.txt").tag("canyon")).isPresent();
      assertThat(r.get("item-099.txt").tag("survived")).isPresent();
      assertThat(sink.results()).hasSize(100);
      assertThat(pool.replacements()).isGreaterThanOrEqualTo(3);

      assertThat(store.size()).as("the result store kept every finished item").isEqualTo(97);
      BatchSummary again = tagger.tagAll(items);
      assertThat(again.cached()).isEqualTo(97);
      assertThat(again.failed()).as("a crashing item is not remembered as done: it is tried again, and crashes again").isEqualTo(3);
    }
  }

  @Test
  void outOfMemoryRunawayNativeMemoryAHaltAndAHangEachFailAlone() throws Exception {
    List<Media> items = items(6, Map.of(1, "exhaust", 2, "hoard", 3, "halt", 4, "spin"));
    try (WorkerPool pool = WorkerPool.builder(HazardSetup.class).workers(1).heapMegabytes(96).maxResidentMegabytes(1024).start()) {
      BatchSummary s = Tagger.builder().workers(pool).itemTimeout(Duration.ofSeconds(5)).build().tagAll(items);

      Map<String, TagResult> r = byName(s);
      assertThat(r.get("item-000.txt").succeeded()).isTrue();
      assertThat(r.get("item-001.txt").error().stage()).isEqualTo("memory");
      assertThat(r.get("item-001.txt").error().message()).contains("out of memory (Java heap space; the worker's heap is 96 MB)");
      assertThat(r.get("item-002.txt").error().stage()).isEqualTo("memory");
      assertThat(r.get("item-002.txt").error().message()).contains("out of memory: its worker's resident memory reached")
          .contains("over the limit of 1024 MB");
      assertThat(r.get("item-003.txt").error().stage()).isEqualTo("crash");
      assertThat(r.get("item-003.txt").error().message()).contains("ended unexpectedly (exit code 42)");
      assertThat(r.get("item-004.txt").error().stage()).isEqualTo("timeout");
      assertThat(r.get("item-005.txt").succeeded()).isTrue();
      assertThat(r.get("item-005.txt").tag("canyon")).isPresent();
    }
  }

  @Test
  void workersGiveWhatTheAnalyzersGiveInThisJvmAndTheResultStoreStaysInTheParent() throws Exception {
    List<Media> items = items(8, Map.of(3, "this will explode"));
    BatchSummary local = Tagger.builder().analyzer(new WordAnalyzer()).build().tagAll(items);
    try (WorkerPool pool = WorkerPool.builder(HazardSetup.class).workers(2).start();
        FileResultStore store = FileResultStore.open(dir.resolve("store"))) {
      Tagger tagger = Tagger.builder().workers(pool).resultStore(store).build();
      BatchSummary first = tagger.tagAll(items);
      BatchSummary second = tagger.tagAll(items);

      for (int i = 0; i < items.size(); i++) {
        TagResult want = local.results().get(i);
        TagResult got = first.results().get(i);
        assertThat(got.path()).isEqualTo(want.path());
        if (i == 3) {
          assertThat(got.error().stage()).isEqualTo("analyze");
          assertThat(got.error().message()).isEqualTo(want.error().message());
        } else {
          assertThat(got.tags().stream().filter(t -> t.source().analyzer().equals("words")).toList()).isEqualTo(want.tags());
        }
      }
      assertThat(store.size()).isEqualTo(7);
      assertThat(second.cached()).isEqualTo(7);
    }
  }

  @Test
  void workersCollectGarbageWithTheThroughputCollectorUnlessTheirOptionsNameAnother() throws Exception {
    List<Media> ask = items(1, Map.of(0, "which collector"));
    try (WorkerPool plain = WorkerPool.builder(HazardSetup.class).workers(1).start();
        WorkerPool serial = WorkerPool.builder(HazardSetup.class).workers(1).jvmOption("-XX:+UseSerialGC").start()) {
      assertThat(collectors(Tagger.builder().workers(plain).build().tagAll(ask))).contains("PS Scavenge", "PS MarkSweep");
      assertThat(collectors(Tagger.builder().workers(serial).build().tagAll(ask))).contains("Copy", "MarkSweepCompact")
          .doesNotContain("PS Scavenge");
    }
  }

  private static String collectors(BatchSummary s) {
    return s.results().get(0).tags().stream().map(Tag::name).filter(n -> n.startsWith("collectors: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no collectors tag in " + s.results().get(0)));
  }

  @Test
  void aSetupThatFailsStopsThePoolFromStartingWithItsReason() {
    assertThatThrownBy(() -> WorkerPool.builder(HazardSetup.class).configuration("fail").workers(2).start())
        .isInstanceOf(TaggerException.class).hasMessage("model hazard-1 is missing from the store; put it there first");
  }

  @Test
  void analyzersAreSetUpInTheWorkersNotBesideThem() {
    try (WorkerPool pool = WorkerPool.builder(HazardSetup.class).workers(1).start()) {
      assertThatThrownBy(() -> Tagger.builder().workers(pool).analyzer(new WordAnalyzer()).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("set up by the WorkerSetup");
    }
  }
}
