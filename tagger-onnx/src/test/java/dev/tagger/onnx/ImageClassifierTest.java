package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.Media;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.media.TestMedia.Shot;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real MobileNetV2 ImageNet model on real photos and on a video made from them. */
class ImageClassifierTest {
  static final Set<String> CATS = Set.of("tabby", "tiger cat", "Persian cat", "Siamese cat", "Egyptian cat");
  static ImageClassifier classifier;
  static final FfmpegMediaDecoder DECODER = new FfmpegMediaDecoder();

  @BeforeAll
  static void open() {
    classifier = ImageClassifier.imageNet(TestModels.store(), ClassifierOptions.IMAGENET);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  static TagResult tag(Path file) {
    return Tagger.builder().decoder(DECODER).analyzer(classifier).build().tag(Media.of(file));
  }

  static List<String> names(TagResult r) {
    return r.tags().stream().map(Tag::name).toList();
  }

  @Test
  void theCatPhotoGetsACatClassFirst() {
    TagResult r = tag(TestModels.sampleMedia().resolve("cat-chelsea.png"));
    assertThat(r.error()).isNull();
    assertThat(r.tags()).hasSizeLessThanOrEqualTo(5);
    assertThat(CATS).contains(names(r).get(0));
    assertThat(r.tags().get(0).confidence()).isGreaterThan(0.3);
  }

  @Test
  void theDogPhotoGetsADogBreedInTheTopFive() {
    List<String> labels = ImageClassifier.imageNetLabels();
    // ImageNet classes 151..268 are the dog breeds.
    Set<String> breeds = Set.copyOf(labels.subList(151, 269));
    TagResult r = tag(TestModels.sampleMedia().resolve("dog-bicycle.jpg"));
    assertThat(names(r)).anyMatch(breeds::contains);
    assertThat(breeds).contains(names(r).get(0));
  }

  @Test
  void otherRealPhotos() {
    assertThat(names(tag(TestModels.sampleMedia().resolve("coffee-cup.png")))).containsAnyOf("espresso", "cup", "coffee mug");
    assertThat(names(tag(TestModels.sampleMedia().resolve("eagle.jpg"))).get(0)).isEqualTo("bald eagle");
  }

  @Test
  void aVideoOfTheCatThenTheCupGivesTimeSegments(@TempDir Path dir) throws Exception {
    var cat = DECODER.decodeImage(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    var cup = DECODER.decodeImage(Media.of(TestModels.sampleMedia().resolve("coffee-cup.png")));
    Path video = TestMedia.video(dir.resolve("cat-then-cup.mp4"), 448, 300, 10, List.of(new Shot(cat, 6), new Shot(cup, 6)));

    TagResult r = Tagger.builder().decoder(DECODER).analyzer(classifier).sampling(new SamplingPolicy(1, 100)).build().tag(Media.of(video));

    assertThat(r.error()).isNull();
    Tag catTag = r.tags().stream().filter(t -> CATS.contains(t.name())).max((a, b) -> Double.compare(a.share(), b.share())).orElseThrow();
    Tag espresso = r.tag("espresso").orElseThrow();
    Segment catSeg = catTag.segments().get(0);
    Segment cupSeg = espresso.segments().get(0);
    assertThat(catSeg.startSeconds()).isCloseTo(0, within(1.0));
    assertThat(catSeg.endSeconds()).isCloseTo(6, within(1.0));
    assertThat(cupSeg.startSeconds()).isCloseTo(6, within(1.0));
    assertThat(cupSeg.endSeconds()).isCloseTo(12, within(1.0));
    assertThat(espresso.share()).isCloseTo(0.5, within(0.1));
  }
}
