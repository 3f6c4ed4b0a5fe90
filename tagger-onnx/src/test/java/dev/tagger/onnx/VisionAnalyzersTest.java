package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.Category;
import dev.tagger.Media;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.media.TestMedia.Shot;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.testkit.TestModels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real COCO detector, face detector and emotion model on real photos and a video made of them. */
class VisionAnalyzersTest {
  static final FfmpegMediaDecoder DECODER = new FfmpegMediaDecoder();
  static ObjectDetector objects;
  static FaceAnalyzer faces;
  static ImageClassifier classifier;
  static Tagger tagger;

  @BeforeAll
  static void open() {
    objects = ObjectDetector.yoloxNano(TestModels.store(), DetectorOptions.YOLOX_NANO);
    faces = FaceAnalyzer.open(TestModels.store(), FaceOptions.DEFAULT);
    classifier = ImageClassifier.imageNet(TestModels.store(), ClassifierOptions.IMAGENET);
    tagger = Tagger.builder().decoder(DECODER).analyzer(objects).analyzer(faces).analyzer(classifier)
        .rules(VisionVocabulary.defaults()).build();
  }

  @AfterAll
  static void close() {
    objects.close();
    faces.close();
    classifier.close();
  }

  static Path sample(String name) {
    return TestModels.sampleMedia().resolve(name);
  }

  static Tag tag(TagResult r, String name, String analyzer) {
    return r.tags().stream().filter(t -> t.name().equals(name) && t.source().analyzer().equals(analyzer)).findFirst()
        .orElseGet(() -> r.tags().stream().filter(t -> t.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no tag " + name + " in " + r.tags().stream().map(Tag::name).toList())));
  }

  @Test
  void twoDogsGiveDogWithCountTwoAndBothBoxes(@TempDir Path dir) throws Exception {
    // Two real dog photos side by side in one picture.
    BufferedImage a = ImageIO.read(sample("dog-bicycle.jpg").toFile());
    BufferedImage b = ImageIO.read(sample("person-dog-horse.jpg").toFile()).getSubimage(0, 200, 260, 200);
    BufferedImage both = new BufferedImage(a.getWidth() + b.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
    both.getGraphics().drawImage(a, 0, 0, null);
    both.getGraphics().drawImage(b, a.getWidth(), 150, null);
    Path photo = dir.resolve("two-dogs.png");
    ImageIO.write(both, "png", photo.toFile());

    TagResult r = Tagger.builder().decoder(DECODER).analyzer(objects).rules(VisionVocabulary.defaults()).build().tag(Media.of(photo));

    Tag dog = tag(r, "dog", "object-detector");
    assertThat(dog.count()).isEqualTo(2);
    assertThat(dog.evidence()).hasSize(2);
    assertThat(dog.evidence()).anySatisfy(e -> assertThat(e.box().x()).isGreaterThan(a.getWidth() - 20.0));
    assertThat(dog.evidence()).anySatisfy(e -> assertThat(e.box().x() + e.box().width()).isLessThan(a.getWidth()));
  }

  @Test
  void objectsInRealPhotosWithBoxesInOriginalPixels() {
    TagResult street = tagger.tag(Media.of(sample("dog-bicycle.jpg")));
    assertThat(street.tags()).extracting(Tag::name).contains("dog", "bicycle", "car");
    Tag car = tag(street, "car", "object-detector");
    // the parked car in the top right of the 768x576 photo
    assertThat(car.evidence().get(0).box().x()).isGreaterThan(384.0);
    assertThat(car.evidence().get(0).box().y() + car.evidence().get(0).box().height()).isLessThan(288.0);

    TagResult streetScene = tagger.tag(Media.of(sample("street-people-cars.jpg")));
    assertThat(tag(streetScene, "person", "object-detector").count()).isGreaterThanOrEqualTo(4);
    assertThat(streetScene.tags()).extracting(Tag::name).contains("car");

    TagResult farm = tagger.tag(Media.of(sample("person-dog-horse.jpg")));
    assertThat(farm.tags()).extracting(Tag::name).contains("person", "dog", "horse");
    assertThat(tag(tagger.tag(Media.of(sample("horses.jpg"))), "horse", "object-detector").count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void vocabularyFoldsClassesAndVocSpellings() {
    TagResult cat = tagger.tag(Media.of(sample("cat-chelsea.png")));
    Tag classifierCat = cat.tags().stream().filter(t -> t.name().equals("cat")).findFirst().orElseThrow();
    assertThat(classifierCat.origins()).containsAnyOf("tabby", "tiger cat", "egyptian cat", "cat");
    TagResult cup = tagger.tag(Media.of(sample("coffee-cup.png")));
    assertThat(cup.tags()).extracting(Tag::name).contains("cup", "coffee", "espresso").doesNotContain("diningtable");
  }

  @Test
  void aPortraitHasOneFaceAGroupPhotoSeveral() {
    TagResult portrait = tagger.tag(Media.of(sample("astronaut-portrait.png")));
    Tag face = tag(portrait, "face", "faces");
    assertThat(face.count()).isEqualTo(1);
    assertThat(face.category()).isEqualTo(Category.FACE);
    assertThat(portrait.tags()).extracting(Tag::name).contains("1 person", "happy");
    // The astronaut's face is in the upper middle of the 512x512 portrait.
    var box = face.evidence().get(0).box();
    assertThat(box.x() + box.width() / 2).isBetween(180.0, 280.0);
    assertThat(box.y() + box.height() / 2).isBetween(60.0, 180.0);
    // five landmarks inside the face box: eyes above the nose, nose above the mouth corners
    var points = face.evidence().get(0).points();
    assertThat(points).hasSize(5).allSatisfy(p -> {
      assertThat(p.x()).isBetween(box.x(), box.x() + box.width());
      assertThat(p.y()).isBetween(box.y(), box.y() + box.height());
    });
    assertThat(Math.max(points.get(0).y(), points.get(1).y())).isLessThan(points.get(2).y());
    assertThat(points.get(2).y()).isLessThan(Math.min(points.get(3).y(), points.get(4).y()));

    // Eight people on a jetty, seven facing the camera more or less; tolerance: 6 to 8 faces.
    TagResult group = tagger.tag(Media.of(sample("group-outdoors.jpg")));
    assertThat(tag(group, "face", "faces").count()).isBetween(6, 8);
    assertThat(group.tags()).extracting(Tag::name).contains("group");
    assertThat(tag(group, "person", "object-detector").count()).isBetween(6, 9);
  }

  @Test
  void aFaceTooSmallToReadGetsCountedButNoEmotion() {
    RgbImage portrait = DECODER.decodeImage(Media.of(sample("astronaut-portrait.png")));
    RgbImage small = Resize.bilinear(portrait, 160, 160); // the face is now about 30 pixels wide
    List<String> names = faces.analyzePicture(small, null).stream().map(dev.tagger.Detection::label).toList();
    assertThat(names).contains("face", "1 person").doesNotContain("happy", "sad", "neutral", "surprise", "angry", "fear", "disgust");
    // the same gate on the full-size portrait: a face under 1000 pixels gets no emotion either
    try (FaceAnalyzer strict = FaceAnalyzer.open(TestModels.store(), FaceOptions.DEFAULT.withEmotionGates(1000, 0.9, 0.2))) {
      assertThat(strict.analyzePicture(portrait, null)).extracting(dev.tagger.Detection::label).containsExactlyInAnyOrder("face", "1 person");
    }
  }

  @Test
  void facesWithoutTheEmotionModelGiveNoEmotions() {
    try (FaceAnalyzer plain = FaceAnalyzer.withoutEmotions(TestModels.store(), FaceOptions.DEFAULT)) {
      TagResult r = Tagger.builder().decoder(DECODER).analyzer(plain).build().tag(Media.of(sample("astronaut-portrait.png")));
      assertThat(r.tags()).extracting(Tag::name).containsExactlyInAnyOrder("face", "1 person");
      assertThat(r.tags().get(0).source().model()).isEqualTo("face-yunet-dynamic");
    }
  }

  @Test
  void photosWithoutPeopleHaveNoFaces() {
    for (String name : List.of("cat-chelsea.png", "coffee-cup.png", "dog-bicycle.jpg", "eagle.jpg", "horses.jpg")) {
      assertThat(tagger.tag(Media.of(sample(name))).tags()).as(name).noneMatch(t -> t.source().analyzer().equals("faces"));
    }
  }

  @Test
  void aVideoOfCatThenCupThenFaceGivesSegmentsWithinOneSampleInterval(@TempDir Path dir) throws Exception {
    RgbImage cat = DECODER.decodeImage(Media.of(sample("cat-chelsea.png")));
    RgbImage cup = DECODER.decodeImage(Media.of(sample("coffee-cup.png")));
    RgbImage face = DECODER.decodeImage(Media.of(sample("astronaut-portrait.png")));
    Path video = TestMedia.video(dir.resolve("cat-cup-face.mp4"), 480, 320, 10,
        List.of(new Shot(cat, 4), new Shot(cup, 4), new Shot(face, 3)));
    double interval = 1.0;

    TagResult r = Tagger.builder().decoder(DECODER).analyzer(objects).analyzer(faces)
        .sampling(new SamplingPolicy(interval, 100)).build().tag(Media.of(video));

    assertThat(r.error()).isNull();
    assertSegment(tag(r, "cat", "object-detector"), 0, 4, interval);
    assertSegment(tag(r, "cup", "object-detector"), 4, 8, interval);
    assertSegment(tag(r, "face", "faces"), 8, 11, interval);
  }

  static void assertSegment(Tag t, double start, double end, double tolerance) {
    assertThat(t.segments()).as("segments of %s", t.name()).hasSize(1);
    Segment s = t.segments().get(0);
    assertThat(s.startSeconds()).as("%s starts", t.name()).isCloseTo(start, within(tolerance));
    assertThat(s.endSeconds()).as("%s ends", t.name()).isCloseTo(end, within(tolerance));
    assertThat(s.peakConfidence()).isGreaterThanOrEqualTo(s.meanConfidence());
  }
}
