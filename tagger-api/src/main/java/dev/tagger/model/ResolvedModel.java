package dev.tagger.model;

import java.nio.file.Path;
import java.util.List;

/** A catalog entry whose files are present and verified, in the entry's file order. */
public record ResolvedModel(ModelEntry entry, List<Path> files) {
  public ResolvedModel {
    files = List.copyOf(files);
  }

  public Path primary() {
    return files.get(0);
  }
}
