package dev.tagger.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Items dealt into partitions by cost, not count: the costliest first, each to the partition with the least cost so
 * far (longest processing time first), so one long video shares its partition with nothing else when it can.
 */
final class CostBins {
  private CostBins() {}

  /** The partition of each item, in the items' order. */
  static int[] assign(double[] costs, int partitions) {
    Integer[] order = new Integer[costs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> costs[i]).reversed().thenComparing(i -> i));
    PriorityQueue<double[]> bins = new PriorityQueue<>(Comparator.<double[]>comparingDouble(b -> b[0]).thenComparingDouble(b -> b[1]));
    for (int p = 0; p < partitions; p++) {
      bins.add(new double[] {0, p});
    }
    int[] out = new int[costs.length];
    for (int i : order) {
      double[] least = bins.poll();
      out[i] = (int) least[1];
      least[0] += Math.max(0, costs[i]);
      bins.add(least);
    }
    return out;
  }

  /** The total cost of each partition. */
  static List<Double> totals(double[] costs, int[] assigned, int partitions) {
    List<Double> out = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      out.add(0.0);
    }
    for (int i = 0; i < costs.length; i++) {
      out.set(assigned[i], out.get(assigned[i]) + costs[i]);
    }
    return out;
  }
}
