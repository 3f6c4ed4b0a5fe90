package dev.tagger.nlp;

import dev.tagger.TaggerException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * English sentences, tokens, part-of-speech tags (Universal Dependencies) and lemmas with the OpenNLP
 * 1.3.0 models from Maven Central. The models are loaded once and shared; OpenNLP's taggers are not
 * thread-safe, so each call makes its own (cheap) tagger objects. Thread-safe.
 */
public final class EnglishNlp {
  /** One sentence: its text, tokens with their character spans in the sentence, tags and lemmas. */
  public record Sentence(String text, String[] tokens, Span[] spans, String[] tags, String[] lemmas) {}

  private static volatile EnglishNlp shared;

  private final SentenceModel sentences;
  private final TokenizerModel tokens;
  private final POSModel pos;
  private final LemmatizerModel lemmas;

  private EnglishNlp() {
    this.sentences = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    this.tokens = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
    this.pos = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
    this.lemmas = load("/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin", LemmatizerModel::new);
  }

  /** The models, loaded on first use (about 2 MB from the model jars). */
  public static EnglishNlp get() {
    EnglishNlp n = shared;
    if (n == null) {
      synchronized (EnglishNlp.class) {
        n = shared;
        if (n == null) {
          n = new EnglishNlp();
          shared = n;
        }
      }
    }
    return n;
  }

  public List<Sentence> annotate(String text) {
    SentenceDetectorME sd = new SentenceDetectorME(sentences);
    TokenizerME tk = new TokenizerME(tokens);
    POSTaggerME tagger = new POSTaggerME(pos);
    LemmatizerME lemmatizer = new LemmatizerME(lemmas);
    List<Sentence> out = new ArrayList<>();
    for (String s : sd.sentDetect(text)) {
      Span[] spans = tk.tokenizePos(s);
      String[] toks = Span.spansToStrings(spans, s);
      String[] tags = tagger.tag(toks);
      out.add(new Sentence(s, toks, spans, tags, lemmatizer.lemmatize(toks, tags)));
    }
    return out;
  }

  /** Tokens of one sentence-free string, for matching names. */
  public String[] tokenize(String text) {
    return new TokenizerME(tokens).tokenize(text);
  }

  interface ModelReader<T> {
    T read(InputStream in) throws IOException;
  }

  static <T> T load(String resource, ModelReader<T> reader) {
    try (InputStream in = EnglishNlp.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new TaggerException("OpenNLP model " + resource + " is not on the classpath; add the org.apache.opennlp:opennlp-models-* jars");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new TaggerException("cannot load OpenNLP model " + resource + ": " + e.getMessage(), e);
    }
  }
}
