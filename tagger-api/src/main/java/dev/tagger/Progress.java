package dev.tagger;

import java.time.Duration;

/**
 * Where a batch stands after an item finished.
 *
 * @param done items finished so far, failed ones included
 * @param failed items that ended with an error
 * @param cached items whose analysis came from the result store
 * @param itemsPerSecond finished items per second of wall time so far
 * @param last the result that triggered this event
 */
public record Progress(int done, int failed, int cached, int total, Duration elapsed, double itemsPerSecond, TagResult last) {
  public double fraction() {
    return total == 0 ? 1.0 : done / (double) total;
  }

  /**
   * The time the rest of the batch should take at the rate so far; empty before the first item finishes.
   * Items served from the result store finish fast, so a batch that starts with many of them finishes
   * later than the first estimates say.
   */
  public java.util.Optional<Duration> timeLeft() {
    if (done == 0 || !(itemsPerSecond > 0)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Duration.ofMillis(Math.round((total - done) / itemsPerSecond * 1000)));
  }
}
