package dev.tagger;

/**
 * How per-frame detections become item tags and time segments.
 *
 * @param mergeGapSeconds two sightings of a tag at most this far apart form one segment
 * @param minSegmentSeconds segments shorter than this are dropped
 * @param maxEvidence how many of a tag's strongest detections are kept as its evidence
 */
public record AggregationOptions(double mergeGapSeconds, double minSegmentSeconds, int maxEvidence) {
  public static final AggregationOptions DEFAULT = new AggregationOptions(2.0, 1.0, 10);

  public AggregationOptions {
    if (!(mergeGapSeconds >= 0)) {
      throw new IllegalArgumentException("mergeGapSeconds must be >= 0, got " + mergeGapSeconds);
    }
    if (!(minSegmentSeconds >= 0)) {
      throw new IllegalArgumentException("minSegmentSeconds must be >= 0, got " + minSegmentSeconds);
    }
    if (maxEvidence < 0) {
      throw new IllegalArgumentException("maxEvidence must be >= 0, got " + maxEvidence);
    }
  }
}
