package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.testkit.AnalyzerContractKit;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyzer contract for {@link FaceEstimateAnalyzer}, and what a person would check on
 * shared/testdata/faces-identity (8 adults, 5 photos each): every face gets one age range and one apparent
 * gender, both named as estimates in their own category; the gender matches the person's on nearly every
 * photo, and the ages are adult ones.
 */
class FaceEstimateAnalyzerContractTest extends AnalyzerContractKit {
  static FaceEstimateAnalyzer estimates;

  @BeforeAll
  static void open() {
    estimates = FaceEstimateAnalyzer.open(TestModels.store(), FaceOptions.DEFAULT, new OnnxOptions(2));
  }

  @AfterAll
  static void close() {
    estimates.close();
  }

  @Override
  protected Analyzer analyzer() {
    return estimates;
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
  void eachFaceGetsAnAdultAgeRangeAndTheGenderOfThePersonAsEstimates() {
    Path faces = TestModels.testdata("faces-identity");
    Map<String, String> gender = Map.of("amy", "female", "bernadette", "female", "penny", "female", "howard", "male",
        "leonard", "male", "raj", "male", "sheldon", "male", "stuart", "male");
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    int right = 0;
    for (Map.Entry<String, String> person : gender.entrySet()) {
      for (int i = 1; i <= 5; i++) {
        var img = decoder.decodeImage(Media.of(faces.resolve(person.getKey() + i + ".png")));
        List<Detection> found = estimates.analyzePicture(img, null);
        assertThat(found).as("%s%d", person.getKey(), i).hasSize(2)
            .allSatisfy(d -> assertThat(d.category()).isEqualTo(Category.ESTIMATE))
            .allSatisfy(d -> assertThat(d.label()).endsWith("(estimate)"));
        assertThat(found).filteredOn(d -> d.label().startsWith("age: ")).singleElement()
            .satisfies(d -> assertThat(d.label()).isIn("age: 20-34 (estimate)", "age: 35-49 (estimate)"));
        if (found.stream().anyMatch(d -> d.label().equals("gender: " + person.getValue() + " (estimate)"))) {
          right++;
        }
      }
    }
    assertThat(right).as("photos whose apparent gender is the person's, of 40").isGreaterThanOrEqualTo(38);
  }

  @Test
  void anAgeNearARangesEdgeIsUnsureOfItAndOneInTheMiddleIsSure() {
    double[] twenties = FaceEstimateAnalyzer.RANGES[2]; // 20-34
    assertThat(FaceEstimateAnalyzer.chanceWithin(27.5, twenties)).isGreaterThan(0.7);
    assertThat(FaceEstimateAnalyzer.chanceWithin(34.5, twenties)).isBetween(0.4, 0.6);
    assertThat(FaceEstimateAnalyzer.ageLabel(FaceEstimateAnalyzer.RANGES[0])).isEqualTo("age: under 13 (estimate)");
    assertThat(FaceEstimateAnalyzer.ageLabel(FaceEstimateAnalyzer.RANGES[5])).isEqualTo("age: 65+ (estimate)");
  }
}
