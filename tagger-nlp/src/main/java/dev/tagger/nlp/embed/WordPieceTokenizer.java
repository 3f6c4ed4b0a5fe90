package dev.tagger.nlp.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased tokenizer as a Hugging Face {@code tokenizer.json} describes it (BertNormalizer with
 * lowercase, BertPreTokenizer, WordPiece with {@code ##} continuations): text cleaned of control characters,
 * CJK characters split apart, lower-cased and stripped of accents, split on whitespace and punctuation,
 * each word cut greedily into the longest pieces the vocabulary has (a word that cannot be cut, or is over
 * 100 characters, is {@code [UNK]}), then {@code [CLS] ... [SEP]}, truncated to the most tokens. Immutable
 * and thread-safe.
 */
public final class WordPieceTokenizer {
  private static final int MAX_WORD_CHARS = 100;
  private final Map<String, Integer> vocab;
  private final int cls;
  private final int sep;
  private final int unk;

  private WordPieceTokenizer(Map<String, Integer> vocab) {
    this.vocab = Map.copyOf(vocab);
    this.cls = id("[CLS]");
    this.sep = id("[SEP]");
    this.unk = id("[UNK]");
  }

  /** From a {@code tokenizer.json} whose model is WordPiece. */
  public static WordPieceTokenizer fromJson(byte[] tokenizerJson) {
    try {
      JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
      if (!model.path("type").asText().equals("WordPiece")) {
        throw new TaggerException("tokenizer.json: the model is " + model.path("type").asText("missing") + ", not WordPiece");
      }
      Map<String, Integer> vocab = new HashMap<>();
      model.path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
      return new WordPieceTokenizer(vocab);
    } catch (IOException e) {
      throw new TaggerException("tokenizer.json is unreadable: " + e.getMessage(), e);
    }
  }

  private int id(String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new TaggerException("tokenizer.json: the vocabulary has no " + token);
    }
    return id;
  }

  /** Token ids, {@code [CLS]} first and {@code [SEP]} last, at most {@code maxTokens} of them. */
  public int[] encode(String text, int maxTokens) {
    if (maxTokens < 2) {
      throw new IllegalArgumentException("maxTokens must be >= 2, got " + maxTokens);
    }
    List<Integer> ids = new ArrayList<>();
    ids.add(cls);
    for (String word : words(text)) {
      if (ids.size() >= maxTokens - 1) {
        break;
      }
      for (int piece : pieces(word)) {
        if (ids.size() >= maxTokens - 1) {
          break;
        }
        ids.add(piece);
      }
    }
    ids.add(sep);
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The text's words after normalization and pre-tokenization (punctuation marks are words of their own). */
  static List<String> words(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == 0 || c == 0xFFFD || isControl(c)) {
        return;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        clean.append(' ');
      } else if (isCjk(c)) {
        clean.append(' ').appendCodePoint(c).append(' ');
      } else {
        clean.appendCodePoint(c);
      }
    });
    String folded = Normalizer.normalize(clean.toString().toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{Mn}", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    folded.codePoints().forEach(c -> {
      if (c == ' ') {
        flush(word, words);
      } else if (isPunctuation(c)) {
        flush(word, words);
        words.add(new String(Character.toChars(c)));
      } else {
        word.appendCodePoint(c);
      }
    });
    flush(word, words);
    return words;
  }

  private List<Integer> pieces(String word) {
    if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
      return List.of(unk);
    }
    List<Integer> out = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String piece = (start > 0 ? "##" : "") + word.substring(start, end);
        found = vocab.get(piece);
        if (found != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        return List.of(unk);
      }
      out.add(found);
      start = end;
    }
    return out;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  private static boolean isPunctuation(int c) {
    if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF || c >= 0x2A700 && c <= 0x2B73F
        || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B820 && c <= 0x2CEAF || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
  }
}
