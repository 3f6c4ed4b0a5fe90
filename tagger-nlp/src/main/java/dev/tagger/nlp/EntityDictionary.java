package dev.tagger.nlp;

import dev.tagger.TaggerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names of one type (person, place, organisation, …) with their other spellings, from a source that
 * provenance names: the built-in ISO 3166-1 countries, or a user's own list. Immutable.
 *
 * @param name where the entries come from, e.g. {@code iso-3166-1} or {@code my-family}
 * @param type what the entries are, e.g. {@code place}
 * @param entries each canonical name with its other names
 */
public record EntityDictionary(String name, String type, Map<String, List<String>> entries) {
  public EntityDictionary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    entries = java.util.Collections.unmodifiableMap(copy);
  }

  /** Countries and territories (ISO 3166-1 names, common and official, from Debian's iso-codes). */
  public static EntityDictionary countries() {
    try (InputStream in = EntityDictionary.class.getResourceAsStream("countries.tsv")) {
      if (in == null) {
        throw new IllegalStateException("countries.tsv is missing from the tagger-nlp jar");
      }
      return parse("iso-3166-1", "place", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read countries.tsv", e);
    }
  }

  /**
   * A user's list: one entity a line, its other names after a {@code |} ({@code Ada Lovelace|Ada|Countess
   * of Lovelace}); blank lines and lines starting with {@code #} are skipped.
   */
  public static EntityDictionary load(Path file, String type) {
    try {
      String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      return parse(name, type, Files.readAllLines(file, StandardCharsets.UTF_8), false);
    } catch (IOException e) {
      throw new TaggerException("cannot read entity list " + file + ": " + e.getMessage(), e);
    }
  }

  private static EntityDictionary parse(String name, String type, List<String> lines, boolean tsv) {
    Map<String, List<String>> entries = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      if (tsv) {
        String[] cols = line.split("\t");
        names.add(cols[1]);
        if (cols.length > 2 && !cols[2].isBlank()) {
          names.addAll(List.of(cols[2].split("\\|")));
        }
      } else {
        for (String n : line.split("\\|")) {
          if (!n.isBlank()) {
            names.add(n.strip());
          }
        }
      }
      entries.put(names.get(0), names.subList(1, names.size()));
    }
    return new EntityDictionary(name, type, entries);
  }
}
