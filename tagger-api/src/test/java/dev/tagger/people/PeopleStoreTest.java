package dev.tagger.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Box;
import dev.tagger.spi.FaceSample;
import dev.tagger.spi.Embedding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people store's bookkeeping, on generated descriptors: two tight groups of points far apart. */
class PeopleStoreTest {
  @TempDir
  Path dir;

  static FaceSample near(float[] centre, Random r) {
    float[] v = centre.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] += (float) (r.nextGaussian() * 0.01);
    }
    return new FaceSample(v, new Box(0, 0, 80, 80), null, 0.95);
  }

  static float[] centre(float value) {
    float[] c = new float[128];
    java.util.Arrays.fill(c, value);
    return c;
  }

  @Test
  void clustersFormAsFacesArriveAndKeepTheirIdsAcrossAReopen() {
    Random r = new Random(1);
    long cluster;
    try (PeopleStore store = PeopleStore.open(dir, PeopleStore.Settings.DEFAULT)) {
      store.add("a1", null, List.of(near(centre(0), r)));
      store.add("a2", null, List.of(near(centre(0), r)));
      assertThat(store.clusters()).as("two faces are not yet a cluster").isEmpty();
      store.add("a3", null, List.of(near(centre(0), r)));
      store.add("b1", null, List.of(near(centre(0.2f), r)));
      assertThat(store.clusters()).hasSize(1);
      cluster = store.clusters().get(0).id();
      assertThat(store.members(cluster)).extracting(Face::sha256).containsExactlyInAnyOrder("a1", "a2", "a3");
      store.name(cluster, "Amy");
    }
    try (PeopleStore store = PeopleStore.open(dir, PeopleStore.Settings.DEFAULT)) {
      assertThat(store.byName("amy")).get().extracting(Cluster::id).isEqualTo(cluster);
      List<Face> more = store.add("a4", null, List.of(near(centre(0), new Random(9))));
      assertThat(store.nameOf(more.get(0))).contains("Amy");
      assertThat(store.nameOf(store.faces("b1").get(0))).as("unknown faces never get a name").isEmpty();
    }
  }

  @Test
  void badRequestsAreRefusedWithTheReasonAndLoseNothing() {
    Random r = new Random(2);
    try (PeopleStore store = PeopleStore.inMemory(PeopleStore.Settings.DEFAULT)) {
      for (int i = 0; i < 3; i++) {
        store.add("a" + i, null, List.of(near(centre(0), r)));
        store.add("b" + i, null, List.of(near(centre(0.2f), r)));
      }
      long a = store.faces("a0").get(0).cluster();
      long b = store.faces("b0").get(0).cluster();
      store.name(a, "Amy");
      assertThatThrownBy(() -> store.name(999, "Raj")).hasMessageContaining("no cluster 999");
      assertThatThrownBy(() -> store.forget("Nobody")).hasMessageContaining("nobody is named 'Nobody'");
      assertThatThrownBy(() -> store.name(b, "amy")).hasMessageContaining("'amy' already names cluster " + a);
      store.name(b, "Bernadette");
      assertThatThrownBy(() -> store.merge(a, b)).hasMessageContaining("is Amy and cluster " + b + " is Bernadette");
      assertThat(store.members(a)).hasSize(3);
      assertThat(store.members(b)).hasSize(3);
      Cluster split = store.split(b, "b1");
      assertThat(store.members(split.id())).extracting(Face::sha256).containsExactly("b1");
    }
  }

  @Test
  void forgettingAPersonLeavesNoTraceInTheFile() throws Exception {
    Random r = new Random(3);
    String vector;
    try (PeopleStore store = PeopleStore.open(dir, PeopleStore.Settings.DEFAULT)) {
      for (int i = 0; i < 3; i++) {
        store.add("a" + i, null, List.of(near(centre(0), r)));
      }
      Face f = store.faces("a0").get(0);
      vector = new Embedding("face", f.vector()).encoded().substring(0, 40);
      store.name(f.cluster(), "Amy");
      assertThat(store.forget("Amy")).isEqualTo(3);
      assertThat(store.faces("a0")).isEmpty();
      assertThat(store.clusters()).isEmpty();
    }
    String file = new String(Files.readAllBytes(dir.resolve(PeopleStore.FILE)), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(file).doesNotContain(vector).doesNotContain("Amy");
  }

  @Test
  void anItemIsAddedOnceAndALooseFaceNamedAfterAKnownPersonJoinsThem() {
    Random r = new Random(4);
    try (PeopleStore store = PeopleStore.inMemory(PeopleStore.Settings.DEFAULT)) {
      for (int i = 0; i < 3; i++) {
        store.add("a" + i, null, List.of(near(centre(0), r)));
      }
      store.add("a0", null, List.of(near(centre(0), r)));
      assertThat(store.faces("a0")).as("the same item twice adds its faces once").hasSize(1);
      store.name(store.faces("a0").get(0).cluster(), "Amy");
      Face loose = store.add("far", null, List.of(near(centre(-0.3f), r))).get(0);
      assertThat(loose.cluster()).isZero();
      Cluster amy = store.nameFace(loose.id(), "Amy");
      assertThat(store.members(amy.id())).hasSize(4);
    }
  }
}
