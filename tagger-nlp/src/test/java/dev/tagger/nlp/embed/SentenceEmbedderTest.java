package dev.tagger.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real all-MiniLM-L6-v2 with its tokenizer: BERT's uncased WordPiece cuts as BERT does, a sentence is
 * nearest to its paraphrase, and batching (padding) does not change a vector.
 */
class SentenceEmbedderTest {
  static SentenceEmbedder embedder;

  @BeforeAll
  static void open() {
    embedder = new SentenceEmbedder(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void theTokenizerCutsWordsAsBertDoes() {
    WordPieceTokenizer t = tokenizer();
    assertThat(WordPieceTokenizer.words("Héllo,  WORLD!\tunaffable\u0000")).containsExactly("hello", ",", "world", "!", "unaffable");
    // bert-base-uncased: [CLS] hello , world ! una ##ffa ##ble [SEP]
    assertThat(t.encode("Hello, world! unaffable", 128)).containsExactly(101, 7592, 1010, 2088, 999, 14477, 20961, 3468, 102);
    assertThat(t.encode("one two three four five", 4)).as("cut to the most tokens, [SEP] kept").containsExactly(101, 2028, 2048, 102);
    assertThat(t.encode("qqqqxqqqqzzzzzzz" + "x".repeat(120), 128)).containsExactly(101, 100, 102); // [UNK]
  }

  @Test
  void aSentenceIsNearestToItsParaphrase() {
    List<float[]> v = embedder.embedAll(List.of("a cat is sleeping on the sofa", "a kitten naps on the couch",
        "the stock market fell sharply today", "parking is not allowed here", "no parking zone"));
    assertThat(v).allSatisfy(x -> assertThat(x).hasSize(SentenceEmbedder.DIMENSIONS));
    double norm = SentenceEmbedder.similarity(v.get(0), v.get(0));
    assertThat(norm).isCloseTo(1.0, within(1e-4));
    double paraphrase = SentenceEmbedder.similarity(v.get(0), v.get(1));
    double unrelated = SentenceEmbedder.similarity(v.get(0), v.get(2));
    System.out.printf("cat/kitten %.3f, cat/stocks %.3f, parking/no parking %.3f%n", paraphrase, unrelated, SentenceEmbedder.similarity(v.get(3), v.get(4)));
    assertThat(paraphrase).isGreaterThan(0.5).isGreaterThan(unrelated + 0.3);
    assertThat(SentenceEmbedder.similarity(v.get(3), v.get(4))).isGreaterThan(SentenceEmbedder.similarity(v.get(3), v.get(0)) + 0.3);
  }

  @Test
  void aVectorIsTheSameAloneAndInAPaddedBatch() {
    float[] alone = embedder.embed("renewable energy from wind turbines");
    float[] batched = embedder.embedAll(List.of("short", "renewable energy from wind turbines", "a much longer sentence about many different things at once")).get(1);
    assertThat(SentenceEmbedder.similarity(alone, batched)).isCloseTo(1.0, within(1e-4));
  }

  static WordPieceTokenizer tokenizer() {
    try (var in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(SentenceEmbedder.TOKENIZER)) {
      return WordPieceTokenizer.fromJson(in.readAllBytes());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
