package dev.tagger.policy;

import java.util.Locale;

/**
 * The settings of a {@link TagPolicy}. Confidences here are calibrated: the probability that a person
 * accepts the tag, the same scale for every analyzer.
 *
 * @param minConfidence a tag at or above this is applied
 * @param reviewFrom a tag in {@code [reviewFrom, minConfidence)} goes to review; below it, it is dropped
 * @param faceFloor faces are believed only when the face detector's own score (before calibration) reaches this
 *     (YuNet's default is 0.9)
 * @param classTailRelative a whole-image class is kept only at or above this share of the top class
 * @param classTailAbsolute ... and at or above this (before calibration)
 * @param fineGrainedMin a breed or species name (malamute beside dog) is kept only for the top class and at or
 *     above this calibrated confidence
 * @param conflictMin a classifier's animal this sure (calibrated) contradicts a detector's other animal
 */
public record PolicyOptions(double minConfidence, double reviewFrom, double faceFloor, double classTailRelative,
    double classTailAbsolute, double fineGrainedMin, double conflictMin) {
  public static final PolicyOptions DEFAULT = new PolicyOptions(0.7, 0.4, 0.9, 0.5, 0.15, 0.8, 0.3);

  public PolicyOptions {
    check("minConfidence", minConfidence);
    check("reviewFrom", reviewFrom);
    check("faceFloor", faceFloor);
    check("classTailRelative", classTailRelative);
    check("classTailAbsolute", classTailAbsolute);
    check("fineGrainedMin", fineGrainedMin);
    check("conflictMin", conflictMin);
    if (reviewFrom > minConfidence) {
      throw new IllegalArgumentException("reviewFrom (" + reviewFrom + ") must not exceed minConfidence (" + minConfidence + ")");
    }
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  public PolicyOptions withMinConfidence(double value) {
    return new PolicyOptions(value, Math.min(reviewFrom, value), faceFloor, classTailRelative, classTailAbsolute, fineGrainedMin, conflictMin);
  }

  /** No review band: a tag under {@link #minConfidence} is dropped. */
  public PolicyOptions withReviewFrom(double value) {
    return new PolicyOptions(minConfidence, value, faceFloor, classTailRelative, classTailAbsolute, fineGrainedMin, conflictMin);
  }

  String fingerprint() {
    return String.format(Locale.ROOT, "min%.3f,rev%.3f,face%.3f,tail%.3f/%.3f,fine%.3f,conf%.3f", minConfidence, reviewFrom,
        faceFloor, classTailRelative, classTailAbsolute, fineGrainedMin, conflictMin);
  }
}
