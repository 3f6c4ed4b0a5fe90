package dev.tagger.audio;

import dev.tagger.rules.RuleChain;
import dev.tagger.rules.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The default vocabulary for {@link SoundEventAnalyzer}, an ordinary rules file bundled as
 * {@code dev/tagger/audio/sound-vocabulary.yml}: AudioSet's names kept, the everyday word added beside
 * them (Bark, Yip and Howl also give dog; every genre also gives music), and classes that describe the
 * recording rather than its content ("Inside, small room") denied. Copy it, edit it, and load your copy
 * with {@link RuleFile#load} instead.
 */
public final class SoundVocabulary {
  static final String RESOURCE = "sound-vocabulary.yml";

  private SoundVocabulary() {}

  public static RuleChain defaults() {
    return RuleFile.parse(RESOURCE, text());
  }

  /** The bundled file's text, for users who want to start their own from it. */
  public static String text() {
    try (InputStream in = SoundVocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the tagger-audio jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
