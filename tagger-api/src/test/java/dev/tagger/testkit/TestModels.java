package dev.tagger.testkit;

import dev.tagger.model.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real model folder the tests use: {@code -Dtagger.models} (set by the build to
 * {@code ../shared/models}), else {@code $TAGGER_MODELS}. Tests fail, never skip, when it is missing.
 */
public final class TestModels {
  private TestModels() {}

  public static Path dir() {
    String prop = System.getProperty(ModelStore.PROPERTY_DIR);
    String env = System.getenv(ModelStore.ENV_DIR);
    Path dir = prop != null && !prop.isBlank() ? Path.of(prop) : env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/models");
    if (!Files.isRegularFile(dir.resolve("MANIFEST.tsv"))) {
      throw new IllegalStateException("the real models are not at " + dir.toAbsolutePath()
          + "; run the tests with TAGGER_MODELS (or -Dtagger.models) pointing at shared/models");
    }
    return dir;
  }

  /** An offline store over the real models: tests never download. */
  public static ModelStore store() {
    return new ModelStore(dir(), true);
  }

  /** The repository's sample media folder. */
  public static Path sampleMedia() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path media = p.resolve("samples/media");
      if (Files.isDirectory(media)) {
        return media;
      }
    }
    throw new IllegalStateException("samples/media not found above " + Path.of("").toAbsolutePath());
  }

  /** A fixture folder of {@code shared/testdata} (beside the models folder); fixtures are read there, never copied. */
  public static Path testdata(String name) {
    Path dir = dir().toAbsolutePath().normalize().getParent().resolve("testdata").resolve(name);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("the test fixtures are not at " + dir + " (shared/testdata beside shared/models)");
    }
    return dir;
  }
}
