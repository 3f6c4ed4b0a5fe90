package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.people.PeopleStore;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.store.FileResultStore;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer contract for {@link PeopleAnalyzer} (it hands on face descriptors, not tags), and the engine
 * around it: the descriptors reach the people store and never the result store, and once the person is
 * named, their photos are tagged with the name (category person).
 */
class PeopleAnalyzerContractTest extends AnalyzerContractKit {
  @TempDir
  static Path dir;

  static PeopleAnalyzer people;

  @BeforeAll
  static void open() {
    people = PeopleAnalyzer.open(TestModels.store(), FaceOptions.DEFAULT, new OnnxOptions(2));
  }

  @AfterAll
  static void close() {
    people.close();
  }

  @Override
  protected Analyzer analyzer() {
    return people;
  }

  @Override
  protected boolean reportsTags() {
    return false;
  }

  @Override
  protected MediaDecoder decoder() {
    return new FfmpegMediaDecoder();
  }

  @Override
  protected List<Media> media() {
    return List.of(Media.of(TestModels.sampleMedia().resolve("astronaut-portrait.png")));
  }

  @Test
  void namedPeopleAreTaggedAndTheirDescriptorsStayInThePeopleStore() throws Exception {
    Path faces = TestModels.testdata("faces-identity");
    try (PeopleStore store = PeopleStore.open(dir.resolve("people"), PeopleStore.Settings.DEFAULT);
        FileResultStore results = FileResultStore.open(dir.resolve("results"))) {
      Tagger tagger = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(people).people(store).resultStore(results).build();
      List<Media> amy = List.of(1, 2, 3, 4, 5).stream().map(i -> Media.of(faces.resolve("amy" + i + ".png"))).toList();
      tagger.tagAll(amy);
      assertThat(store.clusters()).hasSize(1);
      store.name(store.clusters().get(0).id(), "Amy");

      TagResult again = tagger.tag(amy.get(0));
      TagResult raj = tagger.tag(Media.of(faces.resolve("raj1.png")));

      assertThat(again.fromCache()).isTrue();
      assertThat(again.tag("Amy")).get().satisfies(t -> assertThat(t.category()).isEqualTo(dev.tagger.Category.PERSON));
      assertThat(raj.tags()).noneMatch(t -> t.category() == dev.tagger.Category.PERSON);
    }
    String journal = Files.readString(dir.resolve("results").resolve("analyses.jsonl"));
    assertThat(journal).as("no descriptor in the result store").doesNotContain("\"vector\"").doesNotContain("\"faces\":[{");
  }
}
