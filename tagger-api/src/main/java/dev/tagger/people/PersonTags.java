package dev.tagger.people;

import dev.tagger.Category;
import dev.tagger.Evidence;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The named people in an item: one tag a person (category {@link Category#PERSON}), their faces as evidence. */
public final class PersonTags {
  /** The source of person tags. */
  public static final Source SOURCE = new Source("people", "face-embed-dlib-128", "people-store");

  private PersonTags() {}

  public static List<Tag> of(PeopleStore people, String sha256) {
    Map<String, List<Face>> byName = new LinkedHashMap<>();
    for (Face f : people.faces(sha256)) {
      people.nameOf(f).ifPresent(name -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(f));
    }
    List<Tag> out = new ArrayList<>();
    byName.forEach((name, faces) -> {
      double confidence = faces.stream().mapToDouble(people::confidence).max().orElse(0);
      List<Evidence> evidence = faces.stream().limit(5).map(f -> new Evidence(
          f.seconds() == null ? null : new TimeSpan(f.seconds(), f.seconds()), f.box(), null)).toList();
      out.add(new Tag(name, confidence, Category.PERSON, SOURCE, 1.0, faces.size(), List.of(), evidence, Set.of(), false));
    });
    return out;
  }
}
