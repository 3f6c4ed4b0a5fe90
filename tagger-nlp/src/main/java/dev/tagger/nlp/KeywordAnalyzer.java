package dev.tagger.nlp;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.TimedWord;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.jspecify.annotations.Nullable;

/**
 * Keywords from an item's texts as {@link Category#KEYWORD} tags: noun phrases of English text
 * (adjectives and nouns ending in a noun, nouns lemmatised, stop words out), scored TF-IDF style: how
 * often the phrase occurs in the item ({@code n / (n + 1)}: once 0.5, twice 0.67, …) weighed by how rare
 * its words are in a background corpus ({@link BackgroundCorpus}: {@code 0.4 + 0.6 × rarity}), so "canyon"
 * outranks "light"; and the phrases of the file name (see {@link FileNames}) at 0.6. Running text that is not English is left alone (the models are English).
 * Thread-safe.
 */
public final class KeywordAnalyzer implements TextAnalyzer {
  static final double FILE_NAME_CONFIDENCE = 0.6;
  static final Set<String> STOP = Set.of("thing", "things", "lot", "lots", "way", "ways", "kind", "sort", "bit", "part",
      "time", "times", "day", "days", "year", "years", "one", "ones", "something", "anything", "everything", "nothing",
      "someone", "anyone", "everyone", "people", "person", "etc", "example", "number", "other", "others", "lack", "use",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private final int maxKeywords;
  private final LanguageDetectorModel languages;
  private final BackgroundCorpus background = BackgroundCorpus.semcor();

  public KeywordAnalyzer(int maxKeywords) {
    if (maxKeywords < 1) {
      throw new IllegalArgumentException("maxKeywords must be >= 1, got " + maxKeywords);
    }
    this.maxKeywords = maxKeywords;
    this.languages = EnglishNlp.load("/langdetect-183.bin", LanguageDetectorModel::new);
  }

  public KeywordAnalyzer() {
    this(15);
  }

  @Override
  public AnalyzerInfo info() {
    return new AnalyzerInfo("keywords", "opennlp-en-ud-ewt", "1.3-2.5.4+semcor", "max" + maxKeywords);
  }

  @Override
  public AnalyzerOutput analyze(AnalysisInput input) {
    Map<String, List<Evidence>> seen = new LinkedHashMap<>();
    List<Detection> out = new ArrayList<>();
    for (TextItem t : input.texts()) {
      input.checkCancelled();
      if (TextAnalyzerSupport.isFileName(t)) {
        for (String phrase : FileNames.parse(t.text()).phrases()) {
          out.add(new Detection(phrase, FILE_NAME_CONFIDENCE, Category.KEYWORD, new Evidence(null, null, t.text())));
        }
      } else if (isEnglish(t)) {
        collect(t, seen);
      }
    }
    seen.entrySet().stream()
        .map(e -> Map.entry(e, score(e.getKey(), e.getValue().size())))
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .limit(maxKeywords)
        .forEach(scored -> {
          List<Evidence> evidence = scored.getKey().getValue();
          for (Evidence ev : evidence.subList(0, Math.min(evidence.size(), 3))) {
            out.add(new Detection(scored.getKey().getKey(), scored.getValue(), Category.KEYWORD, ev));
          }
        });
    return AnalyzerOutput.of(out);
  }

  /** Term frequency {@code n / (n + 1)} times the background weight {@code 0.4 + 0.6 × rarity}, at most 0.95. */
  double score(String phrase, int occurrences) {
    double tf = occurrences / (occurrences + 1.0);
    return Math.min(0.95, tf * (0.4 + 0.6 * background.phraseRarity(phrase)));
  }

  /**
   * Short texts (titles) are taken as English; longer ones must be detected as English, except
   * transcripts (lower case, unpunctuated), which only must not be confidently another language.
   */
  private boolean isEnglish(TextItem item) {
    String text = item.text();
    if (text.chars().filter(Character::isLetter).count() < 40) {
      return true;
    }
    if (item.kind().equals("transcript")) {
      String lang = LanguageAnalyzer.detect(languages, text, 0.5);
      return lang == null || lang.equals("eng");
    }
    return "eng".equals(LanguageAnalyzer.detect(languages, text, 0.5));
  }

  private static void collect(TextItem item, Map<String, List<Evidence>> seen) {
    for (EnglishNlp.Sentence s : EnglishNlp.get().annotate(item.text())) {
      List<String> words = new ArrayList<>();
      boolean hasNoun = false;
      for (int i = 0; i <= s.tokens().length; i++) {
        String tag = i < s.tokens().length ? s.tags()[i] : "END";
        boolean noun = tag.equals("NOUN") || tag.equals("PROPN");
        if ((noun || tag.equals("ADJ")) && isWord(s.tokens()[i]) && words.size() < 4) {
          String w = noun && tag.equals("NOUN") ? s.lemmas()[i] : s.tokens()[i];
          words.add(w.toLowerCase(Locale.ROOT));
          hasNoun = noun;
          continue;
        }
        if (hasNoun && !words.isEmpty()) {
          String phrase = String.join(" ", words);
          if (!STOP.contains(phrase) && phrase.length() > 2) {
            seen.computeIfAbsent(phrase, k -> new ArrayList<>()).add(new Evidence(spanOf(phrase, item), null, s.text().strip()));
          }
        }
        words.clear();
        hasNoun = false;
      }
    }
  }

  /**
   * When the phrase was said, for a transcript with word times: the first run of words that begin like
   * the phrase's words (lemmas differ from what was said: "bridge", "bridges"); else the item's span.
   */
  static @Nullable TimeSpan spanOf(String phrase, TextItem item) {
    List<TimedWord> words = item.words();
    String[] parts = phrase.split(" ");
    for (int i = 0; i + parts.length <= words.size(); i++) {
      boolean match = true;
      for (int j = 0; j < parts.length && match; j++) {
        String said = words.get(i + j).word().toLowerCase(Locale.ROOT);
        String want = parts[j].substring(0, Math.min(parts[j].length(), 4));
        match = said.startsWith(want);
      }
      if (match) {
        return new TimeSpan(words.get(i).startSeconds(), words.get(i + parts.length - 1).endSeconds());
      }
    }
    return item.span();
  }

  private static boolean isWord(String token) {
    return token.length() > 1 && token.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
  }
}
