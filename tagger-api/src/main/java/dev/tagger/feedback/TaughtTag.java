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

  static double LAMBDA = Double.parseDouble(System.getProperty("tagger.teach.lambda", "0.0001"));

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
   * Fits the classifier from the examples: the direction from the mean of the pictures without the tag to
   * the mean of the examples (a prototype classifier, which few examples suffice for), then a logistic
   * curve over each picture's position along it (scale and offset, positives and negatives weighted
   * equally whatever their numbers). The result is one linear model: weights and a bias.
   */
  public static TaughtTag fit(String name, List<float[]> positives, List<float[]> negatives, List<String> examples, String model) {
    if (positives.isEmpty() || negatives.isEmpty()) {
      throw new IllegalArgumentException("teaching '" + name + "' needs examples that show it and pictures that do not");
    }
    int d = positives.get(0).length;
    double[] u = new double[d];
    for (float[] x : positives) {
      for (int i = 0; i < d; i++) {
        u[i] += x[i] / (double) positives.size();
      }
    }
    for (float[] x : negatives) {
      for (int i = 0; i < d; i++) {
        u[i] -= x[i] / (double) negatives.size();
      }
    }
    double[] sp = project(positives, u);
    double[] sn = project(negatives, u);
    double a = 1;
    double b = 0;
    for (int step = 0; step < 50; step++) { // 1-D logistic regression by Newton's method, a little ridge on the scale
      double ga = LAMBDA * a;
      double gb = 0;
      double haa = LAMBDA;
      double hab = 0;
      double hbb = 1e-9;
      for (int set = 0; set < 2; set++) {
        double[] xs = set == 0 ? sp : sn;
        double y = set == 0 ? 1 : 0;
        for (double x : xs) {
          double p = 1 / (1 + Math.exp(-(a * x + b)));
          double w = 0.5 / xs.length;
          ga += (p - y) * x * w;
          gb += (p - y) * w;
          double h = p * (1 - p) * w;
          haa += h * x * x;
          hab += h * x;
          hbb += h;
        }
      }
      double det = haa * hbb - hab * hab;
      if (!(Math.abs(det) > 1e-18)) {
        break;
      }
      a -= (hbb * ga - hab * gb) / det;
      b -= (haa * gb - hab * ga) / det;
    }
    float[] weights = new float[d];
    for (int i = 0; i < d; i++) {
      weights[i] = (float) (a * u[i]);
    }
    return new TaughtTag(name, weights, b, examples, negatives.size(), model, Instant.now());
  }

  private static double[] project(List<float[]> xs, double[] u) {
    double[] out = new double[xs.size()];
    for (int k = 0; k < xs.size(); k++) {
      double s = 0;
      for (int i = 0; i < u.length; i++) {
        s += xs.get(k)[i] * u[i];
      }
      out[k] = s;
    }
    return out;
  }
}
