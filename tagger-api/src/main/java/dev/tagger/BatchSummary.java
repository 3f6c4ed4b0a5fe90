package dev.tagger;

import java.time.Duration;
import java.util.List;

/**
 * The end of a batch: counts and every result, in input order (items never started because the batch
 * was cancelled have no result).
 *
 * @param analyzed items whose analyzers ran in this batch
 * @param cached items whose analysis came from the result store
 * @param notStarted items skipped because the batch was cancelled
 */
public record BatchSummary(int total, int succeeded, int failed, int analyzed, int cached, int notStarted,
    Duration elapsed, List<TagResult> results) {
  public BatchSummary {
    results = List.copyOf(results);
  }
}
