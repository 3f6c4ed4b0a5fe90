package dev.tagger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Category;
import dev.tagger.Evidence;
import dev.tagger.MediaKind;
import dev.tagger.Segment;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.spi.StoredAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileResultStoreTest {
  @TempDir
  Path dir;

  static StoredAnalysis analysis(String label) {
    Source s = new Source("image-classifier", "imagenet", "1");
    Tag t = new Tag(label, 0.75, Category.OBJECT, s, 0.5, 2, List.of(new Segment(0, 4, 0.8, 0.7)),
        List.of(Evidence.at(TimeSpan.at(2))), Set.of("tabby"), false);
    return new StoredAnalysis(MediaKind.VIDEO, List.of(t), List.of(new TextItem("ocr", "EXIT", new TimeSpan(1, 3), s)));
  }

  @Test
  void entriesSurviveReopeningExactly() {
    try (FileResultStore store = FileResultStore.open(dir)) {
      store.put("a", analysis("cat"));
      store.put("b", analysis("dog"));
      store.put("a", analysis("kitten"));
    }
    try (FileResultStore store = FileResultStore.open(dir)) {
      assertThat(store.size()).isEqualTo(2);
      assertThat(store.get("a")).contains(analysis("kitten"));
      assertThat(store.get("b")).contains(analysis("dog"));
      assertThat(store.get("c")).isEmpty();
    }
  }

  @Test
  void aLineCutOffByACrashIsDroppedAndTheRestKept() throws Exception {
    try (FileResultStore store = FileResultStore.open(dir)) {
      store.put("a", analysis("cat"));
    }
    Path journal = dir.resolve(FileResultStore.JOURNAL);
    Files.writeString(journal, "{\"k\":\"b\",\"v\":{\"kind\":\"IMA", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (FileResultStore store = FileResultStore.open(dir)) {
      assertThat(store.size()).isEqualTo(1);
      assertThat(store.get("a")).contains(analysis("cat"));
      store.put("c", analysis("cup"));
    }
    try (FileResultStore store = FileResultStore.open(dir)) {
      assertThat(store.get("c")).contains(analysis("cup"));
      assertThat(store.size()).isEqualTo(2);
    }
  }

  @Test
  void aJournalLargerThanOneReadChunkIsIndexedWhole() {
    int n = 4000; // about 2 MB: entries straddle the 1 MB read chunks
    try (FileResultStore store = FileResultStore.open(dir)) {
      for (int i = 0; i < n; i++) {
        store.put("key-" + i, analysis("label-" + i));
      }
    }
    try (FileResultStore store = FileResultStore.open(dir)) {
      assertThat(store.size()).isEqualTo(n);
      for (int i = 0; i < n; i += 97) {
        assertThat(store.get("key-" + i)).contains(analysis("label-" + i));
      }
    }
  }

  @Test
  void oneProcessAtATime() {
    try (FileResultStore store = FileResultStore.open(dir)) {
      assertThatThrownBy(() -> FileResultStore.open(dir)).hasMessageContaining("is in use");
    }
  }
}
