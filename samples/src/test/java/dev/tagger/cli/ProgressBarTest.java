package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.MediaKind;
import dev.tagger.Progress;
import dev.tagger.TagResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar a person watches: how far, how fast, and how long is left. */
class ProgressBarTest {
  static final TagResult LAST = new TagResult("a.jpg", MediaKind.IMAGE, null, List.of(), List.of(), List.of(), null, false, 5, List.of());

  @Test
  void showsDoneOfTotalTheRateAndTheTimeLeftThenTheTimeTaken() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    bar.onProgress(new Progress(25, 1, 3, 100, Duration.ofSeconds(50), 0.5, LAST));
    String line = bytes.toString(StandardCharsets.UTF_8);
    assertThat(line).contains("25/100").contains("failed 1").contains("cached 3").contains("0.5 items/s").contains("2m30s left");

    bar.onProgress(new Progress(100, 1, 3, 100, Duration.ofSeconds(7300), 0.5, LAST));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("done in 2h01m \n");
  }

  @Test
  void noEstimateBeforeTheFirstItemAndClockTimesAPersonReads() {
    assertThat(new Progress(0, 0, 0, 10, Duration.ZERO, 0, LAST).timeLeft()).isEmpty();
    assertThat(new Progress(4, 0, 0, 10, Duration.ofSeconds(8), 0.5, LAST).timeLeft()).contains(Duration.ofSeconds(12));
    assertThat(ProgressBar.clock(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(ProgressBar.clock(Duration.ofSeconds(185))).isEqualTo("3m05s");
  }
}
