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

  /** The verified labels file, when the entry names one. */
  public java.util.Optional<Path> labels() {
    return entry.labelsFile().map(l -> files.get(entry.files().stream().map(ModelFile::path).toList().indexOf(l)));
  }
}
