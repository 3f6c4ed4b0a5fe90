package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.media.TestMedia;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on real photos and bad files, with the real ImageNet model. */
class TagCommandTest {
  @TempDir
  Path dir;

  String models() {
    return TestModels.dir().toString();
  }

  Path mixedFolder() throws Exception {
    Path media = Files.createDirectories(dir.resolve("media"));
    Path samples = TestModels.sampleMedia();
    Files.copy(samples.resolve("cat-chelsea.png"), media.resolve("cat.png"));
    Files.copy(samples.resolve("dog-bicycle.jpg"), media.resolve("dog.jpg"));
    Files.createDirectories(media.resolve("sub"));
    Files.copy(samples.resolve("coffee-cup.png"), media.resolve("sub/Ünïcödé cup (1) ☕.png"));
    Files.createFile(media.resolve("zero.jpg"));
    TestMedia.truncatedCopy(samples.resolve("dog-bicycle.jpg"), media.resolve("truncated.jpg"), 0.5);
    Files.writeString(media.resolve("notes.jpg"), "shopping list: milk, eggs\n");
    Files.write(media.resolve("random.bin"), new byte[] {0, (byte) 0xFF, 3, 0, 9, 1, (byte) 0x80});
    return media;
  }

  @Test
  void tagsEveryGoodItemAndGivesEachBadOneAClearError() throws Exception {
    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), mixedFolder().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines()).hasSize(7);
    assertThat(CliRun.tagNames(run.item("cat.png"))).contains("cat");
    assertThat(CliRun.tagNames(run.item("dog.jpg"))).contains("dog");
    assertThat(CliRun.tagNames(run.item("Ünïcödé cup (1) ☕.png"))).contains("cup");
    for (String good : List.of("cat.png", "dog.jpg", "Ünïcödé cup (1) ☕.png")) {
      assertThat(run.item(good).get("error").isNull()).isTrue();
      assertThat(run.item(good).get("sha256").asText()).hasSize(64);
    }
    assertThat(run.item("zero.jpg").at("/error/message").asText()).endsWith("zero.jpg: file is empty (0 bytes)");
    assertThat(run.item("truncated.jpg").at("/error/message").asText()).contains("truncated JPEG");
    assertThat(run.item("truncated.jpg").at("/error/stage").asText()).isEqualTo("decode");
    assertThat(run.item("notes.jpg").at("/error/message").asText()).contains("holds plain text");
    assertThat(run.item("random.bin").at("/error/message").asText()).contains("unrecognised content");
    assertThat(run.stderr()).contains("tagged 7 items: 3 ok, 4 failed");
  }

  @Test
  void everyEntryIsAccountedForAndNoFifoIsOpened() throws Exception {
    Path media = Files.createDirectories(dir.resolve("hostile"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), media.resolve("ok.png"));
    Files.createDirectories(media.resolve("x.jpg"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), media.resolve("x.jpg/inner.png"));
    Files.createSymbolicLink(media.resolve("dangling.jpg"), media.resolve("nowhere.jpg"));
    Files.createSymbolicLink(media.resolve("loop1.jpg"), media.resolve("loop2.jpg"));
    Files.createSymbolicLink(media.resolve("loop2.jpg"), media.resolve("loop1.jpg"));
    Files.createSymbolicLink(media.resolve("link.png"), media.resolve("ok.png"));
    // a FIFO (a reader would block on it) and a name whose bytes are not UTF-8, made as a shell makes them
    Process p = new ProcessBuilder("bash", "-c", "mkfifo pipe.jpg && cp ok.png \"$(printf 'caf\\351.png')\"")
        .directory(media.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();

    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--analyzers", "classifier", media.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    java.util.Map<String, String> skipped = new java.util.TreeMap<>();
    List<String> tagged = new java.util.ArrayList<>();
    for (JsonNode line : run.lines()) {
      String name = line.get("path").asText().substring(line.get("path").asText().lastIndexOf('/') + 1);
      if (line.has("skipped")) {
        skipped.put(name, line.get("skipped").asText());
      } else {
        tagged.add(name);
      }
    }
    assertThat(tagged).containsExactlyInAnyOrder("ok.png", "inner.png", "link.png", "caf%E9.png");
    assertThat(skipped).containsOnlyKeys("dangling.jpg", "loop1.jpg", "loop2.jpg", "pipe.jpg", "x.jpg");
    assertThat(skipped.get("pipe.jpg")).contains("FIFO").contains("not opened");
    assertThat(skipped.get("dangling.jpg")).contains("dangling");
    assertThat(skipped.get("loop1.jpg")).contains("loop");
    // the non-UTF-8 name is written as a file: URI whose escapes keep its bytes, so it maps back to the file
    JsonNode cafe = run.lines().stream().filter(l -> l.get("path").asText().endsWith("caf%E9.png")).findFirst().orElseThrow();
    assertThat(Files.isRegularFile(Path.of(java.net.URI.create(cafe.get("path").asText())))).isTrue();
    assertThat(run.stderr()).contains("5 entries skipped");
  }

  @Test
  void rulesOutFileAndSidecars(@TempDir Path other) throws Exception {
    Path media = Files.createDirectories(dir.resolve("photos"));
    Files.copy(TestModels.sampleMedia().resolve("cat-chelsea.png"), media.resolve("cat.png"));
    Path rules = Files.writeString(other.resolve("rules.yml"), """
        rules:
          - synonyms: {cat: [tabby, tiger cat, Egyptian cat, Persian cat, Siamese cat]}
          - minConfidence: 0.1
          - affix: {suffix: _AI}
        """);
    Path out = other.resolve("out/tags.jsonl");

    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--rules", rules.toString(), "--out", out.toString(), "--xmp", media.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode cat = run.item("cat.png");
    assertThat(CliRun.tagNames(cat)).containsExactly("cat_AI");
    assertThat(cat.at("/tags/0/from").toString()).contains("egyptian cat");
    assertThat(Files.readAllLines(out)).hasSize(1);
    assertThat(Files.readString(media.resolve("cat.png.xmp"))).contains("<rdf:li>cat_AI</rdf:li>").contains("<rdf:li>AI|cat_AI</rdf:li>");
  }

  @Test
  void aSecondRunTakesUnchangedItemsFromTheCache() throws Exception {
    Path media = Files.createDirectories(dir.resolve("m"));
    Files.copy(TestModels.sampleMedia().resolve("eagle.jpg"), media.resolve("eagle.jpg"));
    String cache = dir.resolve("cache").toString();
    CliRun first = CliRun.of("tag", "--cache", cache, "--models", models(), media.toString());
    CliRun second = CliRun.of("tag", "--cache", cache, "--models", models(), media.toString());
    assertThat(first.item("eagle.jpg").get("cached").asBoolean()).isFalse();
    assertThat(second.item("eagle.jpg").get("cached").asBoolean()).isTrue();
    assertThat(CliRun.tagNames(second.item("eagle.jpg"))).isEqualTo(CliRun.tagNames(first.item("eagle.jpg")));
    assertThat(second.stderr()).contains("0 analyzed, 1 from cache");
  }

  @Test
  void aVideoGetsTimeSegments() throws Exception {
    var decoder = new dev.tagger.media.FfmpegMediaDecoder();
    var cat = decoder.decodeImage(dev.tagger.Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    var cup = decoder.decodeImage(dev.tagger.Media.of(TestModels.sampleMedia().resolve("coffee-cup.png")));
    Path video = TestMedia.video(Files.createDirectories(dir.resolve("v")).resolve("clip.mkv"), 448, 300, 10,
        List.of(new TestMedia.Shot(cup, 6), new TestMedia.Shot(cat, 6)));

    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--interval", "1", video.toString());

    JsonNode clip = run.item("clip.mkv");
    assertThat(clip.get("kind").asText()).isEqualTo("video");
    JsonNode espresso = null;
    for (JsonNode t : clip.get("tags")) {
      if (t.get("name").asText().equals("cup")) {
        espresso = t;
      }
    }
    assertThat(espresso).as("cup in %s", clip).isNotNull();
    assertThat(espresso.at("/segments/0/start").asDouble()).isLessThan(1.0);
    assertThat(espresso.at("/segments/0/end").asDouble()).isBetween(5.0, 7.0);
    assertThat(espresso.get("share").asDouble()).isBetween(0.4, 0.6);
  }

  @Test
  void brokenVideosGiveClearErrorsOrTheFramesThatCanBeRead() throws Exception {
    Path v = Files.createDirectories(dir.resolve("videos"));
    var decoder = new dev.tagger.media.FfmpegMediaDecoder();
    var cat = decoder.decodeImage(dev.tagger.Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    Path mkv = TestMedia.video(dir.resolve("whole.mkv"), 448, 300, 10, List.of(new TestMedia.Shot(cat, 10)));
    TestMedia.truncatedCopy(mkv, v.resolve("cut.mkv"), 0.5);
    Path mp4 = TestMedia.video(dir.resolve("whole.mp4"), 448, 300, 10, List.of(new TestMedia.Shot(cat, 10)));
    TestMedia.truncatedCopy(mp4, v.resolve("cut.mp4"), 0.5);
    Files.createFile(v.resolve("empty.mp4"));
    TestMedia.audioOnlyVideoContainer(v.resolve("song.mp4"), 3);

    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--timeout", "60", v.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines()).hasSize(4);
    JsonNode cut = run.item("cut.mkv");
    assertThat(cut.get("error").isNull()).isTrue();
    assertThat(CliRun.tagNames(cut)).contains("cat");
    assertThat(cut.at("/tags/0/segments/0/end").asDouble()).isLessThan(10.0);
    assertThat(run.item("cut.mp4").at("/error/message").asText()).contains("cut.mp4: FFmpeg cannot open it");
    assertThat(run.item("empty.mp4").at("/error/message").asText()).endsWith("empty.mp4: file is empty (0 bytes)");
    assertThat(run.item("song.mp4").at("/error/message").asText()).endsWith("song.mp4: has no video stream (audio only)");
  }

  @Test
  void fileNamesAndTextFilesGiveKeywordsEntitiesDatesAndLanguage() throws Exception {
    Path media = Files.createDirectories(dir.resolve("trip"));
    Files.copy(TestModels.sampleMedia().resolve("eagle.jpg"), media.resolve("2019-07-04_grand-canyon_hike_IMG_0042.jpg"));
    Files.writeString(media.resolve("journal.txt"), "On 5 July 2019 Ada Lovelace hiked down into the canyon with two friends "
        + "from Canada. The trail was steep and the canyon walls glowed red at sunset.");
    Path people = Files.writeString(dir.resolve("people.txt"), "Ada Lovelace|Ada\n");

    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--entities", "person=" + people, media.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode named = run.item("2019-07-04_grand-canyon_hike_IMG_0042.jpg");
    assertThat(CliRun.tagNames(named)).contains("2019-07-04", "bird");
    // file-name words are offered for review: they are the file's own words, not what a model saw
    List<String> offered = new java.util.ArrayList<>();
    named.get("review").forEach(t -> offered.add(t.get("name").asText()));
    assertThat(offered).contains("grand canyon", "hike");
    JsonNode journal = run.item("journal.txt");
    assertThat(journal.get("kind").asText()).isEqualTo("text");
    assertThat(CliRun.tagNames(journal)).contains("Ada Lovelace", "Canada", "2019-07-05", "english");
    List<String> keywords = new java.util.ArrayList<>();
    journal.get("review").forEach(t -> keywords.add(t.get("name").asText()));
    assertThat(keywords).as("keywords under the threshold are offered for review").contains("canyon", "journal");
    assertThat(journal.toString()).contains("\"analyzer\":\"entities:people\"").contains("\"analyzer\":\"entities:iso-3166-1\"");
  }

  @Test
  void audioFilesGetSpeechWithATranscriptAndSoundEvents() throws Exception {
    Path media = Files.createDirectories(dir.resolve("recordings"));
    Files.copy(TestModels.sampleMedia().resolve("audio/Front_Left.wav"), media.resolve("clip1.wav"));
    Files.copy(TestModels.sampleMedia().resolve("audio/applause.wav"), media.resolve("clip2.wav"));
    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), media.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode speech = run.item("clip1.wav");
    assertThat(speech.get("kind").asText()).isEqualTo("audio");
    assertThat(speech.at("/texts/0/kind").asText()).isEqualTo("transcript");
    assertThat(speech.at("/texts/0/text").asText()).isEqualTo("front left");
    assertThat(CliRun.tagNames(speech)).contains("speech", "voice");
    assertThat(CliRun.tagNames(run.item("clip2.wav"))).contains("applause");

    CliRun wrongModel = CliRun.of("tag", "--no-cache", "--models", models(), "--speech-model", dir.toString(), media.toString());
    assertThat(wrongModel.exitCode()).isEqualTo(3);
    assertThat(wrongModel.stderr()).contains("is not a Vosk model folder");
  }

  @Test
  void theDefaultPolicyGivesASquirrelNoFaceAndCallsItASquirrel() throws Exception {
    Path media = Files.createDirectories(dir.resolve("garden"));
    Files.copy(TestModels.sampleMedia().resolve("squirrel.jpg"), media.resolve("IMG_0042.jpg"));
    CliRun raw = CliRun.of("tag", "--no-cache", "--raw", "--models", models(), "--analyzers", "classifier,objects,faces", media.toString());
    CliRun policy = CliRun.of("tag", "--no-cache", "--models", models(), "--analyzers", "classifier,objects,faces", media.toString());
    List<String> rawNames = CliRun.tagNames(raw.item("IMG_0042.jpg"));
    JsonNode squirrel = policy.item("IMG_0042.jpg");
    System.out.println("squirrel, raw: " + rawNames + "; with the policy: " + CliRun.tagNames(squirrel) + ", review " + squirrel.get("review"));
    // YuNet sees a face in the squirrel's head below its own 0.9 floor: the policy takes every face tag away
    // (the int8 classifier's fox-squirrel score moves between CPUs across the 0.8 the policy asks of a fine-grained name:
    // 0.9956 raw on an AMD EPYC, under 0.985 where this test was written, so whether "fox squirrel" joins is not asserted)
    assertThat(CliRun.tagNames(squirrel)).contains("squirrel").doesNotContain("face", "1 person");
    List<String> review = new java.util.ArrayList<>();
    squirrel.get("review").forEach(t -> review.add(t.get("name").asText()));
    assertThat(review).doesNotContain("face", "1 person");
  }

  @Test
  void aReadingCutShortByItsTimeLimitSaysSoAndIsReadAgainWhenTheLimitIsRaised() throws Exception {
    Path media = Files.createDirectories(dir.resolve("limits"));
    Files.copy(TestModels.sampleMedia().resolve("printed-page.png"), media.resolve("IMG_0008.png"));
    String cache = dir.resolve("limits-cache").toString();
    CliRun cut = CliRun.of("tag", "--cache", cache, "--models", models(), "--analyzers", "ocr", "--ocr-time-limit", "0.001", media.toString());
    JsonNode first = cut.item("IMG_0008.png");
    assertThat(first.get("partial")).as(first.toString()).isNotNull();
    assertThat(first.get("partial").get(0).asText()).isEqualTo("ocr");
    CliRun again = CliRun.of("tag", "--cache", cache, "--models", models(), "--analyzers", "ocr", "--ocr-time-limit", "60", media.toString());
    JsonNode full = again.item("IMG_0008.png");
    assertThat(full.get("cached").asBoolean()).as("a raised limit is another cache key").isFalse();
    assertThat(full.get("partial")).isNull();
    assertThat(full.at("/texts/0/text").asText()).contains("Region-based segmentation");
  }

  @Test
  void aHugeTextFileIsTaggedFromItsFirstMegabyteAndSaysSo() throws Exception {
    Path media = Files.createDirectories(dir.resolve("books"));
    String sentence = "The river flows past the old mill and the quiet village in the valley on 12 June 2024.\n";
    Files.writeString(media.resolve("book.txt"), sentence.repeat(3 * (1 << 20) / sentence.length()));
    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--analyzers", "dates", media.toString());
    JsonNode book = run.item("book.txt");
    assertThat(book.get("error").isNull()).as(book.toString()).isTrue();
    assertThat(CliRun.tagNames(book)).as(book.toString()).isNotEmpty(); // the date, read from the first MB
    assertThat(book.get("partial").get(0).asText()).isEqualTo("text (first 1 MB)");
  }

  @Test
  void ocrTextFeedsTheKeywords() throws Exception {
    Path media = Files.createDirectories(dir.resolve("scans"));
    Files.copy(TestModels.sampleMedia().resolve("printed-page.png"), media.resolve("IMG_0007.png"));
    CliRun run = CliRun.of("tag", "--no-cache", "--models", models(), "--analyzers", "ocr,keywords,language", media.toString());
    JsonNode page = run.item("IMG_0007.png");
    assertThat(page.at("/texts/0/kind").asText()).isEqualTo("ocr");
    assertThat(page.at("/texts/0/text").asText()).contains("Region-based segmentation");
    assertThat(CliRun.tagNames(page)).contains("text", "marker", "english");

    CliRun both = CliRun.of("tag", "--no-cache", "--models", models(), "--analyzers", "ocr,ppocr", media.toString());
    JsonNode merged = both.item("IMG_0007.png");
    assertThat(merged.get("texts")).hasSize(1);
    assertThat(merged.at("/texts/0/source/analyzer").asText()).isEqualTo("ocr-merged");
    assertThat(merged.at("/texts/0/text").asText()).contains("histogram of grey values", "np.zeros");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    assertThat(CliRun.of("tag").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("tag", "--bogus", "x").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("tag", "--parallel", "0", "x").exitCode()).isEqualTo(2);
    CliRun reach = CliRun.of("tag", "--keyframe-reach", "2", "x");
    assertThat(reach.exitCode()).isEqualTo(2);
    assertThat(reach.stderr()).contains("--keyframe-reach must be in 0..1");
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
    CliRun bogus = CliRun.of("tag", "--no-cache", "--models", models(), "--analyzers", "classifier,bogus", "x");
    assertThat(bogus.exitCode()).isEqualTo(2);
    assertThat(bogus.stderr()).contains("unknown analyzer 'bogus'");
  }

  @Test
  void aMissingModelStopsTheRunWithAClearMessage() throws Exception {
    CliRun run = CliRun.of("tag", "--no-cache", "--models", dir.resolve("empty-store").toString(), TestModels.sampleMedia().toString());
    assertThat(run.exitCode()).isEqualTo(TagCommand.CANNOT_START);
    assertThat(run.stderr()).contains("imagenet-mobilenetv2-int8").contains("is missing and downloads are off");
    assertThat(Set.copyOf(run.lines())).isEmpty();
  }
}
