package dev.tagger.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplingPolicyTest {
  @Test
  void theDefaultSavingsKeepTheKeyResultsWereStoredUnder() {
    // the text the result store's keys were made from before the savings became settings
    assertThat(SamplingPolicy.DEFAULT.fingerprint())
        .isEqualTo("SamplingPolicy[mode=INTERVAL, intervalSeconds=2.0, maxFrames=300, sceneThreshold=0.3]");
    assertThat(SamplingPolicy.DEFAULT.withKeyframeReach(0).fingerprint()).contains("keyframeReach=0.0");
    assertThat(SamplingPolicy.DEFAULT.withStaticDifference(4).fingerprint()).contains("staticDifference=4.0")
        .doesNotContain("keyframeReach");
  }

  @Test
  void savingsOutsideTheirRangeAreRefusedWithTheirUnit() {
    assertThatThrownBy(() -> SamplingPolicy.DEFAULT.withKeyframeReach(1.5)).hasMessageContaining("share of the interval");
    assertThatThrownBy(() -> SamplingPolicy.DEFAULT.withStaticDifference(-1)).hasMessageContaining("grey levels");
  }
}
