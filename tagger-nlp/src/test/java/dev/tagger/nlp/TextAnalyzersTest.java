package dev.tagger.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Media;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text analyzers on text files and file names, with the real OpenNLP models. */
class TextAnalyzersTest {
  static final String VISIT = """
      Last spring, Ada Lovelace visited Paris, the capital of France, on 14 July 2021. She walked along the \
      river at dawn, photographed the bridges and the cathedral, and wrote in her notebook about the \
      bridges, the markets and the light. On July 16, 2021 she took the night train home.
      """;

  @TempDir
  static Path dir;
  static Tagger tagger;

  @BeforeAll
  static void setUp() throws Exception {
    Path people = Files.writeString(dir.resolve("people.txt"), "# my family\nAda Lovelace|Ada|Countess of Lovelace\nCharles Babbage\n");
    Path places = Files.writeString(dir.resolve("places.txt"), "Paris|City of Light\nLondon\n");
    tagger = Tagger.builder()
        .analyzer(new KeywordAnalyzer())
        .analyzer(new LanguageAnalyzer())
        .analyzer(new DateAnalyzer())
        .analyzer(new DictionaryEntityAnalyzer(EntityDictionary.countries()))
        .analyzer(new DictionaryEntityAnalyzer(EntityDictionary.load(people, "person")))
        .analyzer(new DictionaryEntityAnalyzer(EntityDictionary.load(places, "place")))
        .build();
  }

  static Tag tag(TagResult r, String name) {
    return r.tag(name).orElseThrow(() -> new AssertionError("no tag " + name + " in " + r.tags().stream().map(Tag::name).toList()));
  }

  @Test
  void aParagraphAboutAPersonVisitingACapitalGivesPersonPlaceCountryDateLanguageAndKeywords() throws Exception {
    TagResult r = tagger.tag(Media.of(Files.writeString(dir.resolve("visit.txt"), VISIT)));

    assertThat(r.error()).isNull();
    Tag ada = tag(r, "Ada Lovelace");
    assertThat(ada.category()).isEqualTo(Category.ENTITY);
    assertThat(ada.source().analyzer()).isEqualTo("entities:people");
    assertThat(ada.source().model()).isEqualTo("dictionary:people");
    assertThat(ada.evidence().get(0).text()).startsWith("person: ").contains("Ada Lovelace visited Paris");
    Tag paris = tag(r, "Paris");
    assertThat(paris.source().model()).isEqualTo("dictionary:places");
    assertThat(tag(r, "France").source().model()).isEqualTo("dictionary:iso-3166-1");
    assertThat(tag(r, "2021-07-14").source().analyzer()).isEqualTo("dates");
    assertThat(tag(r, "2021-07-14").evidence().get(0).text()).isEqualTo("14 July 2021");
    assertThat(r.tag("2021-07-16")).isPresent();
    assertThat(tag(r, "english").category()).isEqualTo(Category.LANGUAGE);
    Tag bridge = tag(r, "bridge");
    assertThat(bridge.category()).isEqualTo(Category.KEYWORD);
    assertThat(bridge.confidence()).isGreaterThan(tag(r, "capital").confidence());
    assertThat(r.tags()).extracting(Tag::name).contains("capital", "notebook", "river").doesNotContain("she", "the", "spring,");
    // Both said once; "light" is common English, "notebook" is not (the background corpus).
    assertThat(tag(r, "notebook").confidence()).isGreaterThan(tag(r, "light").confidence());
  }

  @Test
  void fileNamesGiveTheirWordsAndDateAndCameraNoiseGivesNothing() throws Exception {
    Path named = dir.resolve("2019-07-04_grand-canyon_hike_IMG_0042.jpg");
    Files.copy(TestModels.sampleMedia().resolve("eagle.jpg"), named);
    Path plain = dir.resolve("IMG_0042.jpg");
    Files.copy(TestModels.sampleMedia().resolve("eagle.jpg"), plain);

    TagResult r = tagger.tag(Media.of(named));
    assertThat(r.tags()).extracting(Tag::name).containsExactlyInAnyOrder("grand canyon", "hike", "2019-07-04");
    assertThat(tag(r, "hike").evidence().get(0).text()).isEqualTo(named.getFileName().toString());
    assertThat(tagger.tag(Media.of(plain)).tags()).isEmpty();
  }

  @Test
  void garbledTextGivesNoTagsAndBinaryGivesAClearError() throws Exception {
    Random random = new Random(7);
    StringBuilder garble = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      garble.append((char) ('a' + random.nextInt(26)));
      if (random.nextInt(6) == 0) {
        garble.append(' ');
      }
    }
    TagResult garbled = tagger.tag(Media.of(Files.writeString(dir.resolve("IMG_0001.txt"), garble.toString())));
    assertThat(garbled.error()).isNull();
    assertThat(garbled.tags()).extracting(Tag::category).doesNotContain(Category.LANGUAGE, Category.KEYWORD);

    byte[] binary = new byte[2048];
    random.nextBytes(binary);
    Path bin = Files.write(dir.resolve("data.txt"), binary);
    TagResult r = tagger.tag(Media.of(bin));
    assertThat(r.error().message()).isEqualTo(bin + ": unrecognised content: not an image, video, audio or text file this version can read");
  }

  @Test
  void textsThatAreNotEnglishGetTheirLanguageButNoEnglishKeywords() throws Exception {
    String french = "Hier soir, nous avons dîné dans un petit restaurant près de la gare. Le serveur était très "
        + "aimable et la soupe à l'oignon était délicieuse. Ensuite, nous avons marché le long du fleuve.";
    TagResult r = tagger.tag(Media.of(Files.writeString(dir.resolve("IMG_0002.txt"), french)));
    assertThat(r.tags()).extracting(Tag::name).contains("french");
    assertThat(r.tags()).extracting(Tag::category).doesNotContain(Category.KEYWORD);
  }

  @Test
  void provenanceNamesEveryAnalyzer() {
    assertThat(List.of(new KeywordAnalyzer().info().model(), new LanguageAnalyzer().info().model(), new DateAnalyzer().info().model()))
        .containsExactly("opennlp-en-ud-ewt", "opennlp-langdetect-183", "date-patterns");
  }
}
