package dev.tagger.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Box;
import dev.tagger.Category;
import dev.tagger.Evidence;
import dev.tagger.Source;
import dev.tagger.Tag;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagPolicyTest {
  private static final Source CLASSIFIER = new Source("image-classifier", "imagenet", "1");
  private static final Source DETECTOR = new Source("object-detector", "yolox", "1");
  private static final Source FACES = new Source("faces", "yunet", "1");
  private final TagPolicy policy = TagPolicy.of(PolicyOptions.DEFAULT, Calibration.none());

  private static List<String> applied(List<Tag> tags) {
    return tags.stream().filter(t -> !t.review()).map(Tag::name).toList();
  }

  @Test
  void aWeakFaceTakesEveryFaceTagWithIt() {
    List<Tag> out = policy.apply(List.of(Tag.of("face", 0.75, Category.FACE, FACES), Tag.of("1 person", 0.75, Category.FACE, FACES),
        Tag.of("sad", 0.9, Category.FACE, FACES), Tag.of("fox squirrel", 0.9, Category.OBJECT, CLASSIFIER)));
    assertThat(out).noneMatch(t -> t.category() == Category.FACE);
    assertThat(applied(out)).contains("squirrel");
  }

  @Test
  void aSureFaceStays() {
    List<Tag> out = policy.apply(List.of(Tag.of("face", 0.95, Category.FACE, FACES), Tag.of("1 person", 0.95, Category.FACE, FACES)));
    assertThat(applied(out)).containsExactlyInAnyOrder("face", "1 person");
  }

  @Test
  void classesAreNamedAsPeopleNameThemWithOneSureBreedAtMost() {
    List<Tag> out = policy.apply(List.of(Tag.of("malamute", 0.9, Category.OBJECT, CLASSIFIER),
        Tag.of("Siberian husky", 0.5, Category.OBJECT, CLASSIFIER), Tag.of("lynx", 0.02, Category.OBJECT, CLASSIFIER)));
    assertThat(applied(out)).containsExactlyInAnyOrder("dog", "malamute");
    assertThat(out).filteredOn(t -> t.name().equals("dog")).singleElement().satisfies(t -> assertThat(t.origins()).contains("malamute", "siberian husky"));
  }

  @Test
  void theTailOfTheClassesIsCut() {
    List<Tag> out = policy.apply(List.of(Tag.of("wok", 0.13, Category.OBJECT, CLASSIFIER), Tag.of("Crock Pot", 0.09, Category.OBJECT, CLASSIFIER)));
    assertThat(out).isEmpty();
  }

  @Test
  void sceneClassesGiveTheSceneWord() {
    List<Tag> out = policy.apply(List.of(Tag.of("alp", 0.8, Category.OBJECT, CLASSIFIER)));
    assertThat(out).anyMatch(t -> t.name().equals("mountain") && t.category() == Category.SCENE);
  }

  @Test
  void aDetectorsDogOnAPictureOfAHareGoesToReview() {
    List<Tag> out = policy.apply(List.of(Tag.of("dog", 0.87, Category.OBJECT, DETECTOR), Tag.of("hare", 0.8, Category.OBJECT, CLASSIFIER)));
    assertThat(applied(out)).contains("rabbit").doesNotContain("dog");
  }

  @Test
  void agreeingModelsRaiseTheTag() {
    List<Tag> out = policy.apply(List.of(Tag.of("dog", 0.6, Category.OBJECT, DETECTOR), Tag.of("malamute", 0.6, Category.OBJECT, CLASSIFIER)));
    assertThat(out).filteredOn(t -> t.name().equals("dog")).singleElement().satisfies(t -> assertThat(t.confidence()).isGreaterThan(0.8));
  }

  @Test
  void differentAnimalsOnOneBoxKeepTheSurest() {
    Evidence box = new Evidence(null, new Box(10, 10, 100, 80), null);
    Tag bear = new Tag("bear", 0.85, Category.OBJECT, DETECTOR, 1, 1, List.of(), List.of(box), Set.of(), false);
    Tag cat = new Tag("cat", 0.45, Category.OBJECT, DETECTOR, 1, 1, List.of(), List.of(new Evidence(null, new Box(12, 11, 98, 80), null)), Set.of(), false);
    assertThat(policy.apply(List.of(bear, cat))).extracting(Tag::name).containsExactly("bear");
  }

  @Test
  void uncertainTagsGoToReviewAndWeakerOnesAreDropped() {
    List<Tag> out = policy.apply(List.of(Tag.of("cup", 0.5, Category.OBJECT, DETECTOR), Tag.of("car", 0.2, Category.OBJECT, DETECTOR)));
    assertThat(out).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("cup");
      assertThat(t.review()).isTrue();
    });
  }

  @Test
  void calibrationMapsScoresToAcceptanceRates() {
    Calibration c = new Calibration(java.util.Map.of("object-detector/object", new Calibration.Curve(new double[] {0.3, 0.9}, new double[] {0.1, 0.95}, 20)), "t");
    assertThat(c.map(Tag.of("cup", 0.6, Category.OBJECT, DETECTOR))).isBetween(0.5, 0.55);
    assertThat(c.map(Tag.of("cup", 0.6, Category.OBJECT, CLASSIFIER))).isEqualTo(0.6);
  }

  @Test
  void objectsSeenTogetherGiveARoomAndTheRoomIsIndoors() {
    List<Tag> out = policy.apply(List.of(Tag.of("sofa", 0.85, Category.OBJECT, DETECTOR),
        Tag.of("tvmonitor", 0.8, Category.OBJECT, DETECTOR)));
    assertThat(out).filteredOn(t -> t.category() == Category.SCENE).extracting(Tag::name)
        .containsExactlyInAnyOrder("living room", "indoor");
    assertThat(policy.apply(List.of(Tag.of("sofa", 0.85, Category.OBJECT, DETECTOR))))
        .noneMatch(t -> t.category() == Category.SCENE); // one weak cue says nothing of the room
  }

  @Test
  void aSceneClassIsOutdoorsAndContradictingPlacesCancel() {
    assertThat(applied(policy.apply(List.of(Tag.of("alp", 0.8, Category.OBJECT, CLASSIFIER)))))
        .contains("mountain", "outdoor");
    List<Tag> both = policy.apply(List.of(Tag.of("bed", 0.8, Category.OBJECT, DETECTOR),
        Tag.of("boat", 0.8, Category.OBJECT, DETECTOR)));
    assertThat(both).extracting(Tag::name).contains("bedroom").doesNotContain("indoor", "outdoor");
  }

  @Test
  void hierarchyGoesFromTheGroupToTheBreed() {
    TagHierarchy h = TagHierarchy.defaults();
    assertThat(h.path(Tag.of("malamute", 0.9, Category.OBJECT, CLASSIFIER))).containsExactly("animal", "mammal", "dog", "malamute");
    assertThat(h.path(Tag.of("dog", 0.9, Category.OBJECT, DETECTOR))).containsExactly("animal", "mammal", "dog");
    assertThat(h.path(Tag.of("banana", 0.9, Category.OBJECT, CLASSIFIER))).containsExactly("food", "fruit", "banana");
    assertThat(h.path(Tag.of("beach", 0.9, Category.SCENE, CLASSIFIER))).containsExactly("scene", "beach");
    assertThat(h.path(Tag.of("unheard-of", 0.9, Category.OBJECT, CLASSIFIER))).containsExactly("unheard-of");
  }
}
