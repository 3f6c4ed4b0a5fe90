package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.policy.Calibration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits one isotonic curve per analyzer and category (pool-adjacent-violators on the judged tags of a run
 * without calibration and without thresholds), so that a calibrated confidence is the observed share of
 * tags a person accepted at that score.
 */
public final class CalibrationFit {
  /** Fewer judged tags than this for an analyzer and category: no curve (the raw score stays). */
  static final int MIN_SAMPLES = 8;

  /**
   * Categories the dev set cannot calibrate: its files have neutral names and hold no documents, so the
   * keywords, entities and languages it sees come only from OCR of photos and would teach the curve that
   * every keyword is noise. Those analyzers keep their own scores.
   */
  static final java.util.Set<dev.tagger.Category> NOT_FITTED = java.util.EnumSet.of(dev.tagger.Category.KEYWORD,
      dev.tagger.Category.ENTITY, dev.tagger.Category.LANGUAGE, dev.tagger.Category.SPEECH, dev.tagger.Category.OTHER);

  private CalibrationFit() {}

  public static Map<String, Calibration.Curve> fit(List<AccuracyReport.Judged> judged) {
    Map<String, List<AccuracyReport.Judged>> groups = new TreeMap<>();
    for (AccuracyReport.Judged j : judged) {
      if (NOT_FITTED.contains(j.tag().category())) {
        continue;
      }
      groups.computeIfAbsent(Calibration.key(j.tag().source().analyzer(), j.tag().category()), k -> new ArrayList<>()).add(j);
    }
    Map<String, Calibration.Curve> curves = new LinkedHashMap<>();
    groups.forEach((key, list) -> {
      if (list.size() >= MIN_SAMPLES) {
        curves.put(key, isotonic(list));
      }
    });
    return curves;
  }

  /** Pool adjacent violators; each block becomes a point at its mean score. Beta(1,1) smoothing per block. */
  static Calibration.Curve isotonic(List<AccuracyReport.Judged> list) {
    List<AccuracyReport.Judged> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparingDouble(j -> j.tag().confidence()));
    List<double[]> blocks = new ArrayList<>(); // {sumScore, sumAccepted, n}
    for (AccuracyReport.Judged j : sorted) {
      blocks.add(new double[] {j.tag().confidence(), j.accepted() ? 1 : 0, 1});
      while (blocks.size() > 1) {
        double[] b = blocks.get(blocks.size() - 1);
        double[] a = blocks.get(blocks.size() - 2);
        if (mean(a) < mean(b)) {
          break;
        }
        a[0] += b[0];
        a[1] += b[1];
        a[2] += b[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    double[] x = new double[blocks.size()];
    double[] y = new double[blocks.size()];
    for (int i = 0; i < x.length; i++) {
      double[] b = blocks.get(i);
      x[i] = b[0] / b[2];
      y[i] = (b[1] + 1) / (b[2] + 2);
      if (i > 0) {
        x[i] = Math.max(x[i], x[i - 1]);
        y[i] = Math.max(y[i], y[i - 1]);
      }
    }
    return new Calibration.Curve(x, y, list.size());
  }

  private static double mean(double[] block) {
    return block[1] / block[2];
  }

  public static String json(Map<String, Calibration.Curve> curves, String fitted) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("fitted", fitted);
    ObjectNode all = root.putObject("curves");
    curves.forEach((k, c) -> {
      ObjectNode o = all.putObject(k);
      ArrayNode xs = o.putArray("x");
      ArrayNode ys = o.putArray("y");
      for (int i = 0; i < c.x().length; i++) {
        xs.add(Math.round(c.x()[i] * 10000) / 10000.0);
        ys.add(Math.round(c.y()[i] * 10000) / 10000.0);
      }
      o.put("samples", c.samples());
    });
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
