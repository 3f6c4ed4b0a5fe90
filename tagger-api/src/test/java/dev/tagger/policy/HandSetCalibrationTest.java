package dev.tagger.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.Source;
import dev.tagger.Tag;
import org.junit.jupiter.api.Test;

/**
 * The curves set by hand ({@code calibration-set.json}) beside the fitted ones: the content rating is
 * applied only from a raw score above what ordinary dev-set photos reach, and {@code drawing} (unreliable
 * on photos) is never applied by default, only offered for review.
 */
class HandSetCalibrationTest {
  static final Source RATING = new Source("content-rating", "content-rating-nsfwjs-mobilenetv2", "049f669e1329");
  final Calibration calibration = Calibration.defaults();
  final PolicyOptions defaults = PolicyOptions.DEFAULT;

  double calibrated(String label, double raw) {
    return calibration.map(Tag.of(label, raw, Category.RATING, RATING));
  }

  @Test
  void aRatingIsAppliedOnlyFromAHighRawScore() {
    // 0.91 is the highest suggestive score among the dev set's 210 ordinary items
    assertThat(calibrated("rating: suggestive", 0.91)).isLessThan(defaults.reviewFrom());
    assertThat(calibrated("rating: explicit", 0.75)).isLessThan(defaults.reviewFrom());
    assertThat(calibrated("rating: explicit", 0.96)).isBetween(defaults.reviewFrom(), defaults.minConfidence());
    assertThat(calibrated("rating: explicit", 0.99)).isGreaterThanOrEqualTo(defaults.minConfidence());
  }

  @Test
  void drawingIsOnlyEverOfferedForReview() {
    assertThat(calibrated("drawing", 0.93)).isLessThan(defaults.reviewFrom());
    assertThat(calibrated("drawing", 0.999)).isBetween(defaults.reviewFrom(), defaults.minConfidence() - 0.01);
  }

  @Test
  void theFittedCurvesAreStillThere() {
    assertThat(calibration.curves()).containsKeys("image-classifier/object", "faces/face", "content-rating/rating", "content-rating/rating/drawing");
  }
}
