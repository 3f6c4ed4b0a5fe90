package dev.tagger.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed output: whole files only, an item's latest line decides, and a damaged line is skipped, not fatal. */
class PartFilesTest {
  @TempDir Path dir;

  static String line(String path, String sha, boolean ok) {
    return "{\"path\":\"" + path + "\",\"sha256\":" + (sha == null ? "null" : "\"" + sha + "\"") + ",\"error\":"
        + (ok ? "null" : "{\"stage\":\"decode\",\"message\":\"bad\"}") + "}";
  }

  @Test
  void theLatestLineOfAnItemSaysWhetherItIsDoneAndDamagedLinesAreCounted() throws Exception {
    PartFiles.commit(dir, "20261201-100000-1", 0, 0, 7, List.of(line("/a.jpg", "aa", false), line("/b.jpg", "bb", true), "{not json"));
    PartFiles.commit(dir, "20261202-100000-2", 0, 0, 9, List.of(line("/a.jpg", "aa", true), line("/c.jpg", null, false), "[1]"));
    Files.writeString(dir.resolve(".part-20261203-x-00000-0000.jsonl.3.tmp"), line("/d.jpg", "dd", true)); // a killed attempt's

    PartFiles.Committed c = PartFiles.read(dir);
    assertThat(c.files()).isEqualTo(2);
    assertThat(c.malformed()).isEqualTo(2);
    assertThat(c.succeeded(PartFiles.key("aa", "/a.jpg"))).isTrue();
    assertThat(c.succeeded(PartFiles.key("bb", "/b.jpg"))).isTrue();
    assertThat(c.failed(PartFiles.key(null, "/c.jpg"))).isTrue();
    assertThat(c.items()).doesNotContainKey(PartFiles.key("dd", "/d.jpg"));
    assertThat(c.items()).doesNotContainKey(PartFiles.key("aa", "/moved/a.jpg")); // same content elsewhere: its own item
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).filteredOn(n -> n.endsWith(".tmp")).hasSize(1);
    }
  }

  @Test
  void aSecondAttemptAtATaskReplacesItsChunkWhole() throws Exception {
    PartFiles.commit(dir, "r", 3, 1, 11, List.of(line("/a.jpg", "aa", false)));
    PartFiles.commit(dir, "r", 3, 1, 12, List.of(line("/a.jpg", "aa", true)));
    assertThat(Files.readAllLines(dir.resolve("part-r-00003-0001.jsonl"))).containsExactly(line("/a.jpg", "aa", true));
    assertThat(PartFiles.read(dir).succeeded(PartFiles.key("aa", "/a.jpg"))).isTrue();
  }
}
