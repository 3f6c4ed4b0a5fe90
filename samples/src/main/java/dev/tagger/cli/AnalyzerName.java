package dev.tagger.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The analyzers the CLI, the Stash command and the plugin know, by the names users write. */
enum AnalyzerName {
  CLASSIFIER, OBJECTS, FACES, SPEECH, SOUNDS, KEYWORDS, LANGUAGE, DATES, COUNTRIES,
  /** Tesseract, behind PP-OCR's text detector as a pre-check. */
  OCR,
  /** PP-OCRv4 on ONNX Runtime; named with {@link #OCR}, the two readings merge per region. */
  PPOCR,
  /** Who the faces are (face descriptors into the people store beside the cache); never on by default. */
  PEOPLE,
  /** Age range and apparent gender estimated from each face ({@code age-gender}); never on by default. */
  AGE_GENDER,
  /** A content rating ({@code rating: explicit}, {@code rating: suggestive}, {@code drawing}); never on by default. */
  RATING,
  /** A larger vision model behind an OpenAI-compatible gateway ({@code --remote-url}); never on without one. */
  REMOTE_VISION,
  /** A larger language model behind the gateway, on the item's transcript and text; never on without one. */
  REMOTE_TEXT;

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static AnalyzerName parse(String raw) {
    String key = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(v -> v.name().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown analyzer '" + raw + "'; known: "
            + Arrays.stream(values()).map(AnalyzerName::id).sorted().toList()));
  }

  static List<AnalyzerName> parseAll(List<String> names) {
    return names.stream().filter(n -> !n.isBlank()).map(AnalyzerName::parse).distinct().toList();
  }
}
