package dev.tagger.onnx;

import dev.tagger.TaggerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Class-name lists, one name a line in output order: bundled ones and users' files. */
public final class Labels {
  private Labels() {}

  /** A label list bundled in this jar. */
  static List<String> resource(String name) {
    try (InputStream in = Labels.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the tagger-onnx jar");
      }
      return clean(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  /** A user's label file. */
  public static List<String> file(Path path) {
    try {
      List<String> labels = clean(Files.readAllLines(path, StandardCharsets.UTF_8));
      if (labels.isEmpty()) {
        throw new TaggerException("labels file " + path + " has no labels");
      }
      return labels;
    } catch (IOException e) {
      throw new TaggerException("cannot read labels file " + path + ": " + e.getMessage(), e);
    }
  }

  private static List<String> clean(List<String> lines) {
    return lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
