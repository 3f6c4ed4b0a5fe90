package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.testkit.TestModels;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated hostile corpus of 1,002 files through the batch, analyzed in its worker processes: truncations, bit flips, zeroed tails, swapped extensions,
 * empty and random files, a PNG claiming 60,000 x 60,000 and a JPEG claiming 65,500 x 65,500, odd names and
 * entries that are not regular files, beside good controls. Nothing may crash or hang, every entry gets a
 * line, and the controls are tagged.
 */
class HostileCorpusTest {
  /** Truncated, bit-flipped and zeroed copies of each of 6 sources: 1,002 regular files in all. */
  static final int VARIANTS = 51;
  /** Each worker's resident-memory limit in this run; the run must stay under it without an item reaching it. */
  static final int WORKER_MEMORY_MB = 2048;
  @TempDir
  static Path dir;

  @Test
  void aHostileCorpusIsAccountedForAndTheControlsAreTagged() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Random random = new Random(42);
    List<String> sources = List.of("cat-chelsea.png", "dog-bicycle.jpg", "horses.jpg", "coffee-cup.png", "audio/applause.wav",
        "audio/dog-bark.ogg");
    int regular = 0;
    for (String s : sources) {
      byte[] good = Files.readAllBytes(TestModels.sampleMedia().resolve(s));
      String name = s.substring(s.lastIndexOf('/') + 1);
      String ext = name.substring(name.lastIndexOf('.'));
      for (int i = 0; i < VARIANTS; i++) {
        int cut = 1 + random.nextInt(good.length - 1);
        Files.write(corpus.resolve("trunc-" + i + "-" + name), java.util.Arrays.copyOf(good, cut));
        byte[] flipped = good.clone();
        for (int k = 0; k < 1 + random.nextInt(40); k++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        Files.write(corpus.resolve("flip-" + i + "-" + name), flipped);
        byte[] zeroed = good.clone();
        java.util.Arrays.fill(zeroed, cut, zeroed.length, (byte) 0);
        Files.write(corpus.resolve("zero-" + i + "-" + name), zeroed);
        regular += 3;
      }
      for (String other : List.of(".mp4", ".wav", ".txt", ".png", ".jpg")) {
        if (!other.equals(ext)) {
          Files.write(corpus.resolve("swapped-" + name + other), good);
          regular++;
        }
      }
    }
    for (int i = 0; i < 25; i++) {
      byte[] noise = new byte[random.nextInt(100_000)];
      random.nextBytes(noise);
      Files.write(corpus.resolve("noise-" + i + ".jpg"), noise);
      Files.write(corpus.resolve("empty-" + i + ".png"), new byte[0]);
      regular += 2;
    }
    Files.write(corpus.resolve("huge.png"), hugePng());
    Files.write(corpus.resolve("huge.jpg"), hugeJpeg());
    regular += 2;
    List<String> odd = List.of("-starts-with-dash.jpg", "with\nnewline.jpg", "x".repeat(200) + ".jpg", "spaces  and\ttab.jpg");
    for (String n : odd) {
      Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), corpus.resolve(n));
      regular++;
    }
    List<String> controls = List.of("control-cat.png", "control-dog.jpg", "control-horses.jpg");
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), corpus.resolve(controls.get(0)));
    Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), corpus.resolve(controls.get(1)));
    Files.copy(TestModels.sampleMedia().resolve("horses.jpg"), corpus.resolve(controls.get(2)));
    regular += 3;
    Files.createSymbolicLink(corpus.resolve("dangling.jpg"), corpus.resolve("gone.jpg"));
    Process fifo = new ProcessBuilder("bash", "-c", "mkfifo fifo.mp4 && cp control-cat.png \"$(printf 'caf\\351.png')\"")
        .directory(corpus.toFile()).inheritIO().start();
    assertThat(fifo.waitFor()).isZero();
    regular++;
    assertThat(regular).isGreaterThanOrEqualTo(1000);

    long start = System.nanoTime();
    CliRun run;
    try (WorkerMemory memory = WorkerMemory.watch()) {
      run = CliRun.of("tag", "--no-cache", "--raw", "--models", TestModels.dir().toString(), "--analyzers", "classifier,objects",
          "--timeout", "60", "--parallel", "2", "--worker-memory", String.valueOf(WORKER_MEMORY_MB), corpus.toString());
      System.out.printf("hostile corpus: workers' peak resident memory %d MB (limit %d MB), %d workers seen%n",
          memory.peakMegabytes(), WORKER_MEMORY_MB, memory.workersSeen());
      assertThat(memory.workersSeen()).isGreaterThanOrEqualTo(2);
      assertThat(memory.peakMegabytes()).isLessThan(WORKER_MEMORY_MB);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1); // failed items, and nothing worse
    Map<String, Integer> failedByStage = new TreeMap<>();
    int ok = 0;
    int skipped = 0;
    for (JsonNode line : run.lines()) {
      if (line.has("skipped")) {
        skipped++;
      } else if (line.get("error").isNull()) {
        ok++;
      } else {
        failedByStage.merge(line.at("/error/stage").asText(), 1, Integer::sum);
        assertThat(line.at("/error/message").asText()).isNotBlank();
      }
    }
    System.out.printf("hostile corpus: %d regular files, %d lines: %d tagged, %d skipped, failed by stage %s, in %.1f s%n",
        regular, run.lines().size(), ok, skipped, failedByStage, seconds);
    assertThat(run.lines()).hasSize(regular + 2); // every regular file, the FIFO and the dangling link
    assertThat(skipped).isEqualTo(2);
    assertThat(failedByStage).doesNotContainKeys("timeout", "crash", "memory");
    for (String c : controls) {
      JsonNode line = run.item(c);
      assertThat(line.get("error").isNull()).as(c).isTrue();
      assertThat(line.get("tags")).as(c).isNotEmpty();
    }
  }

  /** A PNG whose header claims 60,000 x 60,000 pixels of RGB, with a few bytes of image data. */
  static byte[] hugePng() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2).put((byte) 0)
        .put((byte) 0).put((byte) 0).array());
    Deflater d = new Deflater();
    d.setInput(new byte[1000]);
    d.finish();
    byte[] buf = new byte[2000];
    int n = d.deflate(buf);
    chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A JPEG whose frame header claims 65,500 x 65,500 pixels, and nothing after it. */
  static byte[] hugeJpeg() {
    ByteBuffer b = ByteBuffer.allocate(23);
    b.put((byte) 0xFF).put((byte) 0xD8).put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8)
        .putShort((short) 65_500).putShort((short) 65_500).put((byte) 3);
    b.put(new byte[] {1, 0x22, 0, 2, 0x11, 1, 3});
    return b.array();
  }
}
