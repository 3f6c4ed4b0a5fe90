package dev.tagger.policy;

import dev.tagger.TaggerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rows of a tab-separated table bundled in this package; lines starting with {@code #} and blank lines are left out. */
final class TsvResource {
  private TsvResource() {}

  static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new TaggerException(name + " is missing from the tagger-api jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          rows.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new TaggerException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return rows;
  }
}
