package dev.tagger.nlp;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TextItem;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of an item's running text (not its file name), with OpenNLP's langdetect model (103
 * languages), as a {@link Category#LANGUAGE} tag named in English (english, french, …) whose confidence
 * is the best language's margin over the second ({@link #margin}). Texts shorter than {@code minLetters}
 * letters, or margins below {@code minConfidence}, give nothing. Thread-safe.
 */
public final class LanguageAnalyzer implements TextAnalyzer {
  private final LanguageDetectorModel model;
  private final int minLetters;
  private final double minConfidence;

  public LanguageAnalyzer(int minLetters, double minConfidence) {
    this.model = EnglishNlp.load("/langdetect-183.bin", LanguageDetectorModel::new);
    this.minLetters = minLetters;
    this.minConfidence = minConfidence;
  }

  public LanguageAnalyzer() {
    this(40, 0.5);
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("language", "opennlp-langdetect-183", "1.3.0", "min" + minLetters + "," + minConfidence);
  }

  @Override
  public AnalyzerOutput analyze(AnalysisInput input) {
    StringBuilder all = new StringBuilder();
    for (TextItem t : input.texts()) {
      if (!TextAnalyzerSupport.isFileName(t)) {
        all.append(t.text()).append('\n');
      }
    }
    String text = all.toString();
    if (text.chars().filter(Character::isLetter).count() < minLetters) {
      return AnalyzerOutput.EMPTY;
    }
    Language[] ranked = new LanguageDetectorME(model).predictLanguages(text);
    double confidence = margin(ranked);
    if (confidence < minConfidence) {
      return AnalyzerOutput.EMPTY;
    }
    return AnalyzerOutput.of(List.of(new Detection(name(ranked[0].getLang()), confidence, Category.LANGUAGE,
        new Evidence(null, null, TextAnalyzerSupport.excerpt(text, 0)))));
  }

  /**
   * How clearly the best language wins: 1 - second / best. The model spreads probability over 103
   * languages, so even clear English scores about 0.2; English text gives a margin near 0.8, random
   * letters near 0.
   */
  static double margin(Language[] ranked) {
    if (ranked.length == 0 || ranked[0].getConfidence() <= 0) {
      return 0;
    }
    double second = ranked.length > 1 ? ranked[1].getConfidence() : 0;
    return Math.max(0, Math.min(1, 1 - second / ranked[0].getConfidence()));
  }

  /** The detected ISO 639-3 code when the margin is at least {@code minMargin}, else null. */
  static String detect(LanguageDetectorModel model, String text, double minMargin) {
    Language[] ranked = new LanguageDetectorME(model).predictLanguages(text);
    return margin(ranked) >= minMargin ? ranked[0].getLang() : null;
  }

  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    for (String two : Locale.getISOLanguages()) {
      Locale l = Locale.forLanguageTag(two);
      try {
        NAMES.put(l.getISO3Language(), l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT));
      } catch (java.util.MissingResourceException e) {
        // no three-letter code: not one langdetect reports
      }
    }
  }

  /** The English name of an ISO 639-3 code, lower case; the code itself when Java does not know it. */
  static String name(String code) {
    return NAMES.getOrDefault(code, code);
  }
}
