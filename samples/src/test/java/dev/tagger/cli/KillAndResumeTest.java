package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.testkit.TestModels;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI as its own process over 200 photos, kills it with SIGKILL (what {@code kill -9} sends)
 * after about half of them, and checks that the re-run finishes the rest without redoing any.
 */
class KillAndResumeTest {
  static final int ITEMS = 200;

  @TempDir
  Path dir;

  @Test
  void aBatchKilledHalfwayResumesWithoutRedoingFinishedItems() throws Exception {
    Path photos = distinctPhotos(dir.resolve("photos"));
    Path cache = dir.resolve("cache");
    Path journal = cache.resolve("analyses.jsonl");

    Process first = cli("tag", "--cache", cache.toString(), "--models", TestModels.dir().toString(), "--parallel", "1", photos.toString());
    int printed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
      while (printed < ITEMS / 2 && out.readLine() != null) {
        printed++;
      }
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    int finishedBeforeKill = completeLines(journal);
    assertThat(finishedBeforeKill).isBetween(ITEMS / 2, ITEMS - 1);

    CliRun second = CliRun.of("tag", "--cache", cache.toString(), "--models", TestModels.dir().toString(), photos.toString());

    assertThat(second.exitCode()).isZero();
    assertThat(second.lines()).hasSize(ITEMS);
    Matcher m = Pattern.compile("(\\d+) analyzed, (\\d+) from cache").matcher(second.stderr());
    assertThat(m.find()).as(second.stderr()).isTrue();
    int analyzed = Integer.parseInt(m.group(1));
    int cached = Integer.parseInt(m.group(2));
    System.out.printf("kill -9 after %d printed lines: %d items were stored; re-run analyzed %d and took %d from the store%n",
        printed, finishedBeforeKill, analyzed, cached);
    assertThat(cached).isEqualTo(finishedBeforeKill);
    assertThat(analyzed).isEqualTo(ITEMS - finishedBeforeKill);
    assertThat(completeLines(journal)).as("each item analyzed and stored exactly once").isEqualTo(ITEMS);
  }

  /** 200 different small photos: the cat photo scaled down, each with its own marker pixels. */
  static Path distinctPhotos(Path folder) throws Exception {
    Files.createDirectories(folder);
    BufferedImage cat = ImageIO.read(TestModels.sampleMedia().resolve("cat-chelsea.png").toFile());
    BufferedImage small = new BufferedImage(226, 150, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(cat, 0, 0, 226, 150, null);
    g.dispose();
    for (int i = 0; i < ITEMS; i++) {
      BufferedImage copy = new BufferedImage(226, 150, BufferedImage.TYPE_INT_RGB);
      copy.setData(small.getData());
      copy.setRGB(i % 226, i / 226, 0xFF00FF);
      ImageIO.write(copy, "png", folder.resolve(String.format("cat-%03d.png", i)).toFile());
    }
    return folder;
  }

  static int completeLines(Path journal) throws Exception {
    String text = Files.readString(journal);
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  /** Starts the CLI in a new JVM with this test's classpath, passed through an argument file. */
  Process cli(String... args) throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path argFile = Files.writeString(dir.resolve("java.args"), "-cp \"" + cp.replace("\\", "\\\\") + "\"\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "@" + argFile, "dev.tagger.cli.TaggerCli"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(dir.resolve("first-run.stderr").toFile()).start();
  }
}
