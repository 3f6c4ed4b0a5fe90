package dev.tagger.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions balanced by cost: one long video does not share its partition with the photos. */
class CostBinsTest {
  @Test
  void aLongVideoGetsAPartitionOfItsOwnAndThePhotosShareTheRest() {
    double[] costs = new double[21];
    java.util.Arrays.fill(costs, 1.0);
    costs[7] = 600; // a two-hour video sampled every 2 s
    int[] bins = CostBins.assign(costs, 4);

    List<Double> totals = CostBins.totals(costs, bins, 4);
    int videoBin = bins[7];
    for (int i = 0; i < costs.length; i++) {
      if (i != 7) {
        assertThat(bins[i]).as("photo %d", i).isNotEqualTo(videoBin);
      }
    }
    assertThat(totals).containsExactlyInAnyOrder(600.0, 7.0, 7.0, 6.0);
  }

  @Test
  void equalCostsAreDealtEvenly() {
    double[] costs = new double[10];
    java.util.Arrays.fill(costs, 1.0);
    assertThat(CostBins.totals(costs, CostBins.assign(costs, 3), 3)).containsExactlyInAnyOrder(4.0, 3.0, 3.0);
  }
}
