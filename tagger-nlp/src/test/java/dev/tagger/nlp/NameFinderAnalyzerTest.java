package dev.tagger.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Media;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.NameSampleDataStream;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.PlainTextByLineStream;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own name-finder model: trained here on sentences written for this test (no published English
 * NER model is obtainable), saved as a .bin, loaded by the analyzer, and run on a paragraph it has not seen.
 */
class NameFinderAnalyzerTest {
  static final String[] PEOPLE = {"Marta Kowalski", "Jonas Berg", "Aiko Tanaka", "Omar Haddad", "Lena Fischer", "Pedro Alves",
      "Grace Okafor", "Tom Becker", "Sara Lind", "Ivan Petrov"};
  static final String[] FRAMES = {
      "Yesterday <START:person> %s <END> walked to the harbour with a camera .",
      "The photo shows <START:person> %s <END> standing next to the old lighthouse .",
      "We met <START:person> %s <END> at the market on Saturday morning .",
      "<START:person> %s <END> cooked dinner for the whole family .",
      "A portrait of <START:person> %s <END> hangs in the hallway .",
      "After the concert , <START:person> %s <END> signed a few posters .",
      "The boat was steered by <START:person> %s <END> through the narrow canal .",
      "Everyone laughed when <START:person> %s <END> told the story again .",
      "The museum guide asked the children to follow the red line .",
      "Rain fell all afternoon and the streets were empty .",
      "The train to the coast leaves every hour from platform two .",
  };

  @TempDir
  Path dir;

  Path trainModel() throws Exception {
    return trainModel(dir);
  }

  /** A person-name model trained on a small made-up corpus, written to {@code dir/family-names.bin}. */
  static Path trainModel(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String person : PEOPLE) {
      for (String frame : FRAMES) {
        lines.add(frame.contains("%s") ? String.format(frame, person) : frame);
      }
    }
    Path corpus = Files.write(dir.resolve("train.txt"), lines, StandardCharsets.UTF_8);
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, 100);
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    try (ObjectStream<NameSample> samples = new NameSampleDataStream(
        new PlainTextByLineStream(() -> Files.newInputStream(corpus), StandardCharsets.UTF_8))) {
      TokenNameFinderModel model = NameFinderME.train("en", null, samples, params, new TokenNameFinderFactory());
      Path bin = dir.resolve("family-names.bin");
      try (OutputStream out = Files.newOutputStream(bin)) {
        model.serialize(out);
      }
      return bin;
    }
  }

  @Test
  void aUsersTrainedModelFindsPeopleWithProvenance() throws Exception {
    NameFinderAnalyzer finder = new NameFinderAnalyzer(trainModel(), 0.3);
    Path text = Files.writeString(dir.resolve("IMG_0003.txt"),
        "On the last evening of the trip, Aiko Tanaka walked to the harbour with a camera. Later we met Jonas Berg at the market.");

    TagResult r = Tagger.builder().analyzer(finder).build().tag(Media.of(text));

    assertThat(r.tags()).extracting(Tag::name).contains("Aiko Tanaka", "Jonas Berg");
    Tag aiko = r.tag("Aiko Tanaka").orElseThrow();
    assertThat(aiko.source().analyzer()).isEqualTo("entities:name-finder");
    assertThat(aiko.source().model()).isEqualTo("opennlp-namefinder:family-names.bin");
    assertThat(aiko.evidence().get(0).text()).startsWith("person: ");
    assertThat(r.tags()).extracting(Tag::name).doesNotContain("harbour", "camera");
  }

  @Test
  void aBrokenModelFileIsAClearError() throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.bin"), "not a model");
    assertThatThrownBy(() -> new NameFinderAnalyzer(bad, 0.5)).hasMessageStartingWith("cannot load name-finder model " + bad);
  }
}
