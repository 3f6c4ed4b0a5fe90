package dev.tagger.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Objects;

/**
 * What a model makes of an item as a vector (unit length), named by the model that made it
 * ({@code id@version}): kept in the result store, so that teaching a tag reads the library's vectors
 * instead of decoding it again.
 */
public record Embedding(String model, float[] vector) {
  public Embedding {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(vector, "vector");
  }

  /** The vector as Base64 of little-endian float32: how the result store keeps it. */
  public String encoded() {
    ByteBuffer b = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : vector) {
      b.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  public static float[] decode(String encoded) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.remaining() / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  /** The mean of several vectors (a video's frames), scaled to unit length. */
  public static float[] mean(java.util.List<float[]> vectors) {
    float[] m = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i] / vectors.size();
      }
    }
    double norm = 0;
    for (float x : m) {
      norm += x * (double) x;
    }
    if (norm > 0) {
      float s = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < m.length; i++) {
        m[i] *= s;
      }
    }
    return m;
  }
}
