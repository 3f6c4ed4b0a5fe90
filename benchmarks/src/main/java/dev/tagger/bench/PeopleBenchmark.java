package dev.tagger.bench;

import dev.tagger.Box;
import dev.tagger.people.PeopleStore;
import dev.tagger.spi.FaceSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What clustering costs as a library grows: adding N generated descriptors (128-d vectors around N / 5
 * people, spread like real faces of one person: distances near 0.3 within, over 0.8 between) to an in-memory
 * people store, one face at a time. Up to 16,384 faces each addition scans them all; past that the nearest
 * come from the store's HNSW graph, so the cost per face grows slowly rather than with N. For 100,000 run it
 * as {@code -p faces=100000 -wi 0 -i 1} (one pass takes minutes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class PeopleBenchmark {
  @Param({"1000", "10000", "100000"})
  public int faces;

  private List<FaceSample> samples;

  @Setup
  public void generate() {
    Random r = new Random(5);
    int people = Math.max(1, faces / 5);
    List<float[]> centres = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      centres.add(unit(gaussian(r, 1.0)));
    }
    samples = new ArrayList<>();
    for (int i = 0; i < faces; i++) {
      float[] c = centres.get(r.nextInt(people));
      float[] noise = gaussian(r, 0.02);
      float[] v = new float[128];
      for (int k = 0; k < 128; k++) {
        v[k] = c[k] * 0.6f + noise[k];
      }
      samples.add(new FaceSample(v, new Box(0, 0, 80, 80), null, 0.95));
    }
  }

  @Benchmark
  public int cluster() {
    try (PeopleStore store = PeopleStore.inMemory(PeopleStore.Settings.DEFAULT)) {
      for (int i = 0; i < samples.size(); i++) {
        store.add("item-" + i, null, List.of(samples.get(i)));
      }
      return store.clusters().size();
    }
  }

  private static float[] gaussian(Random r, double sigma) {
    float[] v = new float[128];
    for (int k = 0; k < 128; k++) {
      v[k] = (float) (r.nextGaussian() * sigma);
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * (double) x;
    }
    float s = (float) (1 / Math.sqrt(n));
    for (int k = 0; k < v.length; k++) {
      v[k] *= s;
    }
    return v;
  }
}
