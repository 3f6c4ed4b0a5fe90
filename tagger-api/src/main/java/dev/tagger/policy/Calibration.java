package dev.tagger.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Category;
import dev.tagger.Tag;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an analyzer's confidence to the probability that a person accepts the tag: one monotone
 * piecewise-linear curve per analyzer and category (an isotonic fit on a labelled dev set), keyed
 * {@code analyzer/category} ({@code image-classifier/object}), or for one label of them
 * ({@code content-rating/rating/drawing}). A tag with no curve keeps its confidence.
 * Immutable and thread-safe.
 */
public final class Calibration {
  private static final Calibration NONE = new Calibration(Map.of(), "none");
  private final Map<String, Curve> curves;
  private final String fingerprint;

  /** One curve: at {@code x[i]} the probability is {@code y[i]}, linear between, flat beyond the ends. */
  public record Curve(double[] x, double[] y, int samples) {
    public Curve {
      if (x.length == 0 || x.length != y.length) {
        throw new IllegalArgumentException("a curve needs as many x as y values, and at least one");
      }
      x = x.clone();
      y = y.clone();
      for (int i = 1; i < x.length; i++) {
        if (x[i] < x[i - 1] || y[i] < y[i - 1]) {
          throw new IllegalArgumentException("a calibration curve must rise with x; it falls at point " + i);
        }
      }
    }

    public double map(double c) {
      if (c <= x[0]) {
        return y[0];
      }
      for (int i = 1; i < x.length; i++) {
        if (c <= x[i]) {
          double t = x[i] == x[i - 1] ? 1 : (c - x[i - 1]) / (x[i] - x[i - 1]);
          return y[i - 1] + t * (y[i] - y[i - 1]);
        }
      }
      return y[y.length - 1];
    }
  }

  public Calibration(Map<String, Curve> curves, String fingerprint) {
    this.curves = Map.copyOf(curves);
    this.fingerprint = fingerprint;
  }

  /** No calibration: confidences stay as the analyzers gave them. */
  public static Calibration none() {
    return NONE;
  }

  public static String key(String analyzer, Category category) {
    return analyzer + "/" + category.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The calibrated confidence of a tag: by the curve for its analyzer, category and label
   * ({@code analyzer/category/label}, set by hand where one label needs its own), else for its analyzer and
   * category.
   */
  public double map(Tag tag) {
    String key = key(tag.source().analyzer(), tag.category());
    Curve c = curves.getOrDefault(key + "/" + tag.name(), curves.get(key));
    return c == null ? tag.confidence() : Math.max(0, Math.min(1, c.map(tag.confidence())));
  }

  public Map<String, Curve> curves() {
    return curves;
  }

  String fingerprint() {
    return fingerprint;
  }

  /** Reads {@code {"curves": {"analyzer/category": {"x": [...], "y": [...], "samples": n}}}}. */
  public static Calibration read(InputStream in, String name) {
    try {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Curve> curves = new LinkedHashMap<>();
      root.path("curves").fields().forEachRemaining(e -> {
        JsonNode c = e.getValue();
        double[] x = new double[c.path("x").size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = c.path("x").get(i).asDouble();
          y[i] = c.path("y").get(i).asDouble();
        }
        curves.put(e.getKey(), new Curve(x, y, c.path("samples").asInt()));
      });
      return new Calibration(curves, name + "@" + root.path("fitted").asText("?"));
    } catch (IOException | IllegalArgumentException e) {
      throw new TaggerException("calibration " + name + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * The curves fitted on the project's dev set, shipped with the library, and the curves set by hand for
   * analyzers the dev set cannot measure ({@code calibration-set.json}); a fitted curve wins.
   */
  public static Calibration defaults() {
    Calibration fitted = bundled("calibration.json");
    Calibration set = bundled("calibration-set.json");
    Map<String, Curve> curves = new LinkedHashMap<>(set.curves);
    curves.putAll(fitted.curves);
    return new Calibration(curves, fitted.fingerprint + "+" + set.fingerprint);
  }

  private static Calibration bundled(String name) {
    try (InputStream in = Calibration.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new TaggerException("the bundled " + name + " is missing from the tagger-api jar");
      }
      return read(in, name);
    } catch (IOException e) {
      throw new TaggerException("cannot read the bundled calibration " + name + ": " + e.getMessage(), e);
    }
  }
}
