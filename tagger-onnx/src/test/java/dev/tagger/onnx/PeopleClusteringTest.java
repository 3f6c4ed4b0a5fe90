package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.FaceSample;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.people.Cluster;
import dev.tagger.people.Face;
import dev.tagger.people.PeopleStore;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clustering and naming on shared/testdata/faces-identity (8 people x 5 photos, read in place), the faces
 * added one item at a time in a shuffled order: clusters are pure, and after naming one or three faces per
 * person nobody's face gets another person's name.
 */
class PeopleClusteringTest {
  record Item(String person, String file, FaceSample face) {}

  static List<Item> items = new ArrayList<>();

  @BeforeAll
  static void faces() throws Exception {
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    try (FaceAnalyzer detector = FaceAnalyzer.withoutEmotions(TestModels.store(), FaceOptions.DEFAULT);
        FaceEmbedder embedder = FaceEmbedder.open(TestModels.store(), new OnnxOptions(2));
        Stream<Path> files = Files.list(TestModels.testdata("faces-identity"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
        RgbImage img = decoder.decodeImage(Media.of(p));
        BoxNms.Candidate c = detector.detect(img).stream().max(Comparator.comparingDouble(x -> x.box().width() * x.box().height())).orElseThrow();
        FaceEmbedder.FaceVector v = embedder.embed(img, c.box(), c.extra(), c.score()).orElseThrow();
        String name = p.getFileName().toString();
        items.add(new Item(name.replaceAll("[0-9]*\\.png$", ""), name, new FaceSample(v.vector(), v.box(), null, v.score())));
      }
    }
    Collections.shuffle(items, new Random(7));
  }

  static PeopleStore clustered() {
    PeopleStore store = PeopleStore.inMemory(PeopleStore.Settings.DEFAULT);
    for (Item i : items) {
      store.add(i.file(), i.file(), List.of(i.face()));
    }
    return store;
  }

  static String person(Face f) {
    return f.sha256().replaceAll("[0-9]*\\.png$", "");
  }

  @Test
  void clustersArePureAndMostFacesOfAPersonShareOne() {
    try (PeopleStore store = clustered()) {
      int clustered = 0;
      int majority = 0;
      for (Cluster c : store.clusters()) {
        Map<String, Integer> count = new HashMap<>();
        store.members(c.id()).forEach(f -> count.merge(person(f), 1, Integer::sum));
        clustered += store.members(c.id()).size();
        majority += count.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      }
      Map<String, Map<Long, Integer>> byPerson = new HashMap<>();
      for (Item i : items) {
        Face f = store.faces(i.file()).get(0);
        byPerson.computeIfAbsent(i.person(), k -> new HashMap<>()).merge(f.cluster(), 1, Integer::sum);
      }
      double completeness = byPerson.values().stream()
          .mapToDouble(m -> m.entrySet().stream().filter(e -> e.getKey() != 0).mapToInt(Map.Entry::getValue).max().orElse(0) / 5.0).average().orElse(0);
      double purity = majority / (double) clustered;
      System.out.printf(Locale.ROOT, "faces-identity clustering: %d clusters, %d of 40 faces clustered, purity %.3f, completeness %.3f%n",
          store.clusters().size(), clustered, purity, completeness);
      assertThat(purity).isGreaterThanOrEqualTo(0.95);
      assertThat(completeness).isGreaterThanOrEqualTo(0.8);
    }
  }

  @Test
  void namingOneOrThreeFacesAPersonNamesTheirOtherFacesAndNobodyElses() {
    for (int perPerson : List.of(1, 3)) {
      try (PeopleStore store = clustered()) {
        Map<String, Integer> named = new HashMap<>();
        List<String> seeds = new ArrayList<>();
        for (Item i : items) {
          if (named.merge(i.person(), 1, Integer::sum) <= perPerson) {
            Face f = store.faces(i.file()).get(0);
            var existing = store.byName(i.person());
            if (existing.isPresent() && f.cluster() != 0 && f.cluster() != existing.get().id()) {
              store.merge(existing.get().id(), f.cluster()); // a person tells us these are the same
            } else if (existing.isEmpty() || f.cluster() == 0) {
              if (existing.isPresent()) {
                continue; // a loose face of a person already named: it joins as faces arrive
              }
              store.nameFace(f.id(), i.person());
            }
            seeds.add(i.file());
          }
        }
        int right = 0;
        int wrong = 0;
        int unnamed = 0;
        for (Item i : items) {
          if (seeds.contains(i.file())) {
            continue;
          }
          var name = store.nameOf(store.faces(i.file()).get(0));
          if (name.isEmpty()) {
            unnamed++;
          } else if (name.get().equals(i.person())) {
            right++;
          } else {
            wrong++;
          }
        }
        System.out.printf(Locale.ROOT, "faces-identity naming %d face(s) a person: %d right, %d wrong, %d unnamed of %d other faces%n",
            perPerson, right, wrong, unnamed, right + wrong + unnamed);
        assertThat(wrong).as("faces given another person's name").isZero();
        assertThat(right).isGreaterThan(unnamed);
      }
    }
  }
}
