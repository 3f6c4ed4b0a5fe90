package dev.tagger.cli;

import dev.tagger.Tagger;
import dev.tagger.audio.SoundVocabulary;
import dev.tagger.onnx.VisionVocabulary;
import dev.tagger.policy.PolicyOptions;
import dev.tagger.policy.TagPolicy;
import dev.tagger.policy.Calibration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one default profile that {@code tag}, {@code stash tag}, the Stash plugin and {@code eval} share: the
 * default analyzers, the default tag policy (calibrated confidence, review band, per-category checks) and the
 * bundled vocabularies, wired into a {@link Tagger.Builder} the same way for every entry point.
 */
final class Profile {
  /**
   * The analyzers a run uses unless told otherwise. OCR is both engines merged behind the text pre-check
   * (a photo without text costs one low-resolution detector pass; video frames are read only on a new shot).
   */
  static final List<AnalyzerName> DEFAULT_ANALYZERS = List.of(AnalyzerName.CLASSIFIER, AnalyzerName.OBJECTS,
      AnalyzerName.FACES, AnalyzerName.OCR, AnalyzerName.PPOCR, AnalyzerName.SPEECH, AnalyzerName.SOUNDS,
      AnalyzerName.KEYWORDS, AnalyzerName.LANGUAGE, AnalyzerName.DATES, AnalyzerName.COUNTRIES);

  /** The same list as users write it, for option defaults and settings. */
  static final String DEFAULT_ANALYZER_LIST = DEFAULT_ANALYZERS.stream().map(AnalyzerName::id).collect(Collectors.joining(","));

  private Profile() {}

  /** The default policy, or one with another threshold and review band (both calibrated probabilities). */
  static TagPolicy policy(double minConfidence, double reviewFrom) {
    PolicyOptions o = PolicyOptions.DEFAULT.withMinConfidence(minConfidence).withReviewFrom(Math.min(reviewFrom, minConfidence));
    return TagPolicy.of(o, Calibration.defaults());
  }

  /**
   * An engine with the run's analysis (in this JVM or in workers), the policy and the bundled vocabularies
   * (unless a caller passes its own rules instead).
   */
  static Tagger.Builder engine(Engine analysis, TagPolicy policy, boolean vocabularies) {
    Tagger.Builder b = analysis.builder().policy(policy);
    return vocabularies ? vocabularies(b) : b;
  }

  /**
   * What a Stash run (the plugin's tasks, {@code stash tag|watch}) tags with: the engine with the policy and
   * the vocabularies, then the user's rules, named people and subtitles; the Stash sink is added by the run.
   */
  static Tagger.Builder stash(Engine analysis, TagPolicy policy, int parallelism, dev.tagger.rules.@org.jspecify.annotations.Nullable RuleChain rules,
      dev.tagger.people.@org.jspecify.annotations.Nullable PeopleStore people, boolean subtitles) {
    Tagger.Builder b = engine(analysis, policy, true).parallelism(parallelism);
    if (rules != null) {
      b.rules(rules);
    }
    if (people != null) {
      b.people(people);
    }
    if (subtitles) {
      b.sink(new dev.tagger.sink.SubtitleSink());
    }
    return b;
  }

  /** The bundled vision and sound vocabularies, applied before a user's own rules. */
  static Tagger.Builder vocabularies(Tagger.Builder b) {
    return b.rules(VisionVocabulary.defaults()).rules(SoundVocabulary.defaults());
  }
}
