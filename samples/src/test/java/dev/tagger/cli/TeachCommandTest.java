package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.TestModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tag taught from a few pictures (crops of one cat photo, the library's other photos, tagged before, as the
 * pictures without it: their vectors are read from the result store) is found by a later {@code tagger tag} with the same cache on the whole photo and not on the
 * others, is listed with its provenance, and is gone once forgotten.
 */
class TeachCommandTest {
  @TempDir
  Path dir;

  @Test
  void aTaughtTagIsAppliedListedAndForgotten() throws Exception {
    Path library = Files.createDirectories(dir.resolve("library"));
    for (String p : List.of("horses.jpg", "coffee-cup.png", "eagle.jpg", "sign-parking.jpg", "street-people-cars.jpg", "printed-page.png",
        "dog-bicycle.jpg", "squirrel.jpg")) {
      Files.copy(TestModels.sampleMedia().resolve(p), library.resolve(p));
    }
    Path examples = Files.createDirectories(dir.resolve("examples"));
    RgbImage cat = new FfmpegMediaDecoder().decodeImage(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    int w = cat.width() * 3 / 4;
    int h = cat.height() * 3 / 4;
    List<Path> crops = new ArrayList<>();
    int[][] corners = {{0, 0}, {cat.width() - w, 0}, {0, cat.height() - h}, {cat.width() - w, cat.height() - h}};
    for (int i = 0; i < corners.length; i++) {
      crops.add(write(cat, corners[i][0], corners[i][1], w, h, examples.resolve("crop-" + i + ".png")));
    }
    String cache = dir.resolve("cache").toString();
    List<String> teach = new ArrayList<>(List.of("teach", "our cat", "--cache", cache, "--models", TestModels.dir().toString()));
    crops.forEach(c -> teach.add(c.toString()));
    teach.addAll(List.of("--library", library.toString())); // takes the names after it, as --negative does

    CliRun library0 = CliRun.of("tag", "--cache", cache, "--models", TestModels.dir().toString(), "--analyzers", "classifier", "--workers", "0",
        library.toString());
    assertThat(library0.exitCode()).as(library0.stderr()).isZero();

    CliRun taught = CliRun.of(teach.toArray(String[]::new));
    assertThat(taught.exitCode()).as(taught.stderr()).isZero();
    assertThat(taught.stderr()).contains("taught 'our cat' from 4 examples").contains("against 8 pictures without it")
        .as("the library's vectors come from the result store, not from decoding it again").contains("(8 read from the result store)");
    assertThat(CliRun.of("taught", "--cache", cache).stdout()).contains("our cat\t4 examples\t8 without\timagenet-mobilenetv2-int8@");

    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), photos.resolve("cat-chelsea.png"));
    Files.copy(TestModels.sampleMedia().resolve("horses.jpg"), photos.resolve("horses.jpg"));
    CliRun tagged = CliRun.of("tag", "--cache", cache, "--models", TestModels.dir().toString(), "--analyzers", "classifier", "--workers", "0",
        photos.toString());
    JsonNode catLine = tagged.item("cat-chelsea.png");
    assertThat(CliRun.tagNames(catLine)).contains("our cat");
    assertThat(catLine.toString()).contains("\"category\":\"custom\"").contains("\"analyzer\":\"taught\"");
    assertThat(CliRun.tagNames(tagged.item("horses.jpg"))).doesNotContain("our cat");
    assertThat(tagged.item("horses.jpg").get("review").toString()).doesNotContain("our cat");

    assertThat(CliRun.of("teach", "our cat", "--forget", "--cache", cache).exitCode()).isZero();
    CliRun after = CliRun.of("tag", "--cache", cache, "--models", TestModels.dir().toString(), "--analyzers", "classifier", "--workers", "0",
        photos.toString());
    assertThat(CliRun.tagNames(after.item("cat-chelsea.png"))).doesNotContain("our cat");
  }

  static Path write(RgbImage img, int x, int y, int w, int h, Path file) throws Exception {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    byte[] px = img.pixels();
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int i = ((y + r) * img.width() + x + c) * 3;
        out.setRGB(c, r, (px[i] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | (px[i + 2] & 0xFF));
      }
    }
    ImageIO.write(out, "png", file.toFile());
    return file;
  }
}
