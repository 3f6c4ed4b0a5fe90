package dev.tagger.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often people accepted each label near a given confidence, as a beta-binomial estimate: the calibrated
 * confidence {@code c} of a tag is the prior mean of its acceptance, worth {@code priorStrength} judgments (2 by default: on the dev set, 2, 4 and 8 were tried);
 * the accepts {@code a} and rejects {@code r} people gave that label at confidences within
 * {@link #WINDOW} of {@code c} update it to {@code (priorStrength * c + a) / (priorStrength + a + r)}. A label
 * rejected again and again sinks below the threshold (to review, then gone); one accepted again and again
 * rises above it. Immutable.
 */
public final class LabelLearning {
  /** Judgments count for a tag when their confidence lies within this distance of the tag's. */
  public static final double WINDOW = 0.15;
  /** The default weight of the calibration, in judgments. */
  public static final double DEFAULT_PRIOR_STRENGTH = 2.0;

  private final double priorStrength;
  private final Map<String, List<double[]>> judged = new HashMap<>(); // label key -> {confidence, 1 accepted / 0 rejected}

  private LabelLearning(double priorStrength, List<Feedback> feedback) {
    this.priorStrength = priorStrength;
    for (Feedback f : feedback) {
      if (f.confidence() != null && (f.verdict() == Verdict.ACCEPT || f.verdict() == Verdict.REJECT)) {
        judged.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(new double[] {f.confidence(), f.verdict() == Verdict.ACCEPT ? 1 : 0});
      }
    }
  }

  public static LabelLearning from(List<Feedback> feedback, double priorStrength) {
    if (!(priorStrength > 0)) {
      throw new IllegalArgumentException("priorStrength must be > 0, got " + priorStrength);
    }
    return new LabelLearning(priorStrength, feedback);
  }

  /** True when people judged this label at all. */
  public boolean knows(String labelKey) {
    return judged.containsKey(labelKey);
  }

  /** How many verdicts people gave this label near this confidence. */
  public int judgedNear(String labelKey, double confidence) {
    return (int) judged.getOrDefault(labelKey, List.of()).stream().filter(j -> Math.abs(j[0] - confidence) <= WINDOW).count();
  }

  /** The weight of the calibration, in judgments. */
  public double priorStrength() {
    return priorStrength;
  }

  /** The estimated probability that a person accepts this label at this calibrated confidence. */
  public double acceptance(String labelKey, double confidence) {
    double a = 0;
    double r = 0;
    for (double[] j : judged.getOrDefault(labelKey, List.of())) {
      if (Math.abs(j[0] - confidence) <= WINDOW) {
        if (j[1] > 0) {
          a++;
        } else {
          r++;
        }
      }
    }
    return (priorStrength * confidence + a) / (priorStrength + a + r);
  }
}
