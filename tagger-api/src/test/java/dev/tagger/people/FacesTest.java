package dev.tagger.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Box;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The neighbour search of the people store past the exact limit (the HNSW graph) finds what an exact scan
 * finds, on generated descriptors spread like faces (near 0.3 within a person, over 0.8 between), and a
 * removed face is never found again.
 */
class FacesTest {
  static final double RADIUS = 0.5;

  static float[] around(float[] centre, Random r) {
    float[] v = new float[128];
    for (int k = 0; k < 128; k++) {
      v[k] = centre[k] * 0.6f + (float) (r.nextGaussian() * 0.02);
    }
    return v;
  }

  static float[] centre(Random r) {
    float[] c = new float[128];
    double n = 0;
    for (int k = 0; k < 128; k++) {
      c[k] = (float) r.nextGaussian();
      n += c[k] * c[k];
    }
    for (int k = 0; k < 128; k++) {
      c[k] /= (float) Math.sqrt(n);
    }
    return c;
  }

  static Set<Long> exact(List<Face> all, float[] q) {
    Set<Long> out = new HashSet<>();
    all.stream().filter(f -> PeopleStore.distance(q, f.vector()) <= RADIUS).forEach(f -> out.add(f.id()));
    return out;
  }

  @Test
  void pastTheExactLimitTheGraphFindsTheFacesAScanFinds() {
    Random r = new Random(3);
    List<float[]> people = new ArrayList<>();
    for (int p = 0; p < 1500; p++) {
      people.add(centre(r));
    }
    Faces faces = new Faces(2000); // the graph past 2,000 faces, as the store past its limit
    List<Face> all = new ArrayList<>();
    for (long id = 1; id <= 8000; id++) {
      Face f = new Face(id, "item-" + id, null, new Box(0, 0, 50, 50), null, around(people.get(r.nextInt(people.size())), r), 0.9, 0);
      faces.put(f);
      all.add(f);
    }
    int expected = 0;
    int found = 0;
    for (int q = 0; q < 300; q++) {
      float[] query = around(people.get(r.nextInt(people.size())), r);
      Set<Long> truth = exact(all, query);
      Set<Long> got = new HashSet<>();
      faces.within(query, RADIUS).forEach(n -> got.add(n.face().id()));
      assertThat(truth).containsAll(got); // never a face outside the radius
      expected += truth.size();
      found += got.size();
    }
    assertThat(expected).isGreaterThan(1000);
    assertThat(found / (double) expected).as("recall").isGreaterThanOrEqualTo(0.99);

    Face gone = all.get(17);
    faces.remove(gone.id());
    faces.remove(all.get(18).id());
    assertThat(faces.within(gone.vector(), RADIUS)).extracting(n -> n.face().id()).doesNotContain(gone.id(), all.get(18).id());
    Face kept = all.get(19);
    assertThat(faces.within(kept.vector(), RADIUS)).extracting(n -> n.face().id()).contains(kept.id());
    assertThat(faces.all()).hasSize(all.size() - 2);
    Face late = new Face(9001, "item-late", null, new Box(0, 0, 50, 50), null, around(people.get(0), r), 0.9, 0);
    faces.put(late); // joins the graph built again after the removals
    assertThat(faces.within(late.vector(), RADIUS)).extracting(n -> n.face().id()).contains(late.id());
  }
}
