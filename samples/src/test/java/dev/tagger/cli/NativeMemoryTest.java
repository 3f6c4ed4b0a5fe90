package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.testkit.TestModels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 items (photos and short videos) through FFmpeg, ONNX Runtime and all vision analyzers in a JVM
 * whose heap is fixed and pre-touched, so resident memory can only grow by native allocations: after
 * warm-up (the first 200 items) it must grow by less than {@value #BOUND_MB} MB.
 */
class NativeMemoryTest {
  static final int ITEMS = 2000;
  static final int BOUND_MB = 48;

  @TempDir
  Path dir;

  @Test
  void twoThousandItemsLeaveNativeMemoryFlat() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path argFile = Files.writeString(dir.resolve("java.args"), "-cp \"" + cp.replace("\\", "\\\\") + "\"\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "@" + argFile,
        NativeMemoryRun.class.getName(), TestModels.dir().toString(), TestModels.sampleMedia().toString(),
        dir.resolve("work").toString(), String.valueOf(ITEMS), "200")
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    List<long[]> points = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        String[] f = line.split(" ");
        if (f[0].equals("rss-kb")) {
          points.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[4])});
        }
      }
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(points).hasSize(ITEMS / 200);
    long afterWarmUp = points.get(0)[1];
    long atEnd = points.get(points.size() - 1)[1];
    long peak = points.stream().mapToLong(x -> x[1]).max().orElseThrow();
    System.out.printf("RSS after 200 items %d MB, after %d items %d MB, peak %d MB; every 200 items (MB): %s%n",
        afterWarmUp / 1024, ITEMS, atEnd / 1024, peak / 1024, points.stream().map(x -> String.valueOf(x[1] / 1024)).toList());
    assertThat(points.get(points.size() - 1)[2]).as("failed items").isZero();
    assertThat(atEnd - afterWarmUp).as("RSS growth in KB after warm-up").isLessThan(BOUND_MB * 1024L);
  }
}
