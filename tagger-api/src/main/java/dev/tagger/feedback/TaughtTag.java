package dev.tagger.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A tag people taught from a few examples: a logistic classifier over a picture's embedding, kept with its
 * provenance (the examples, the embedding model, when).
 *
 * @param weights one weight per embedding dimension
 * @param examples the pictures that show the tag, by path
 * @param negatives how many pictures without the tag it was trained against
 * @param model the embedding model's catalog id and version, e.g. {@code imagenet-mobilenetv2-int8@cc028fe6cae7}
 */
public record TaughtTag(String name, float[] weights, double bias, List<String> examples, int negatives, String model, Instant taught) {
  public TaughtTag {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a taught tag needs a name");
    }
    examples = List.copyOf(examples);
  }

  /** The probability that a picture with this (unit-length) embedding shows the tag. */
  public double score(float[] embedding) {
    if (embedding.length != weights.length) {
      throw new IllegalArgumentException("taught tag '" + name + "' expects " + weights.length + " features, got " + embedding.length
          + "; teach it again with the current model");
    }
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (double) embedding[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Fits the classifier: L2-regularised logistic regression by gradient descent, positives and negatives
   * weighted equally whatever their numbers.
   */
  public static TaughtTag fit(String name, List<float[]> positives, List<float[]> negatives, List<String> examples, String model) {
    if (positives.isEmpty() || negatives.isEmpty()) {
      throw new IllegalArgumentException("teaching '" + name + "' needs examples that show it and pictures that do not");
    }
    int d = positives.get(0).length;
    double[] w = new double[d];
    double b = 0;
    double lambda = 1e-3;
    double rate = 0.5;
    double wp = 0.5 / positives.size();
    double wn = 0.5 / negatives.size();
    for (int step = 0; step < 600; step++) {
      double[] grad = new double[d];
      double gb = 0;
      for (int set = 0; set < 2; set++) {
        List<float[]> xs = set == 0 ? positives : negatives;
        double y = set == 0 ? 1 : 0;
        double weight = set == 0 ? wp : wn;
        for (float[] x : xs) {
          double z = b;
          for (int i = 0; i < d; i++) {
            z += w[i] * x[i];
          }
          double err = (1 / (1 + Math.exp(-z)) - y) * weight;
          for (int i = 0; i < d; i++) {
            grad[i] += err * x[i];
          }
          gb += err;
        }
      }
      for (int i = 0; i < d; i++) {
        w[i] -= rate * (grad[i] + lambda * w[i]) * 20;
      }
      b -= rate * gb * 20;
    }
    float[] weights = new float[d];
    for (int i = 0; i < d; i++) {
      weights[i] = (float) w[i];
    }
    return new TaughtTag(name, weights, b, examples, negatives.size(), model, Instant.now());
  }
}
