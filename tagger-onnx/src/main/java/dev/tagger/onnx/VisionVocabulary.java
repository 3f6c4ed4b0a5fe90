package dev.tagger.onnx;

import dev.tagger.rules.RuleChain;
import dev.tagger.rules.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The default vocabulary for the vision analyzers, an ordinary rules file bundled as
 * {@code dev/tagger/onnx/vision-vocabulary.yml}: the detector's VOC spellings mapped to plain words
 * (motorbike → motorcycle, tvmonitor → tv) and ImageNet's fine-grained classes folded into everyday
 * words that are added beside them (every dog breed also gives dog). Copy it, edit it, and load your
 * copy with {@link RuleFile#load} instead.
 */
public final class VisionVocabulary {
  static final String RESOURCE = "vision-vocabulary.yml";

  private VisionVocabulary() {}

  public static RuleChain defaults() {
    return RuleFile.parse(RESOURCE, text());
  }

  /** The bundled file's text, for users who want to start their own from it. */
  public static String text() {
    try (InputStream in = VisionVocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the tagger-onnx jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
