package dev.tagger.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run windows as people write them: overnight ones, several at once, the whole day, and typos. */
class RunWindowsTest {
  @Test
  void anOvernightWindowIsOpenLateAndEarlyAndClosedByDay() {
    RunWindows night = RunWindows.parse(List.of("22:00-07:00"));
    assertThat(night.isOpen(LocalTime.of(23, 30))).isTrue();
    assertThat(night.isOpen(LocalTime.of(3, 0))).isTrue();
    assertThat(night.isOpen(LocalTime.of(7, 0))).as("the end is not in it").isFalse();
    assertThat(night.isOpen(LocalTime.of(12, 0))).isFalse();
    assertThat(night.untilOpen(LocalTime.of(21, 15))).isEqualTo(Duration.ofMinutes(45));
    assertThat(night.untilOpen(LocalTime.of(23, 0))).isZero();
  }

  @Test
  void severalWindowsOpenAtTheNearestStartAndNoneMeansAlways() {
    RunWindows two = RunWindows.parse(List.of("12:00-13:00", " 1:30 - 5:00 "));
    assertThat(two.isOpen(LocalTime.of(12, 30))).isTrue();
    assertThat(two.isOpen(LocalTime.of(2, 0))).isTrue();
    assertThat(two.untilOpen(LocalTime.of(6, 0))).isEqualTo(Duration.ofHours(6));
    assertThat(two.untilOpen(LocalTime.of(14, 0))).isEqualTo(Duration.ofHours(11).plusMinutes(30));
    assertThat(two.toString()).isEqualTo("12:00-13:00, 01:30-05:00");
    assertThat(RunWindows.ALWAYS.isOpen(LocalTime.of(4, 0))).isTrue();
    assertThat(RunWindows.parse(List.of("08:00-08:00")).isOpen(LocalTime.of(20, 0))).as("start equal to end: the whole day").isTrue();
  }

  @Test
  void aMalformedWindowIsAnErrorThatNamesIt() {
    assertThatThrownBy(() -> RunWindows.parse(List.of("22-07"))).hasMessageContaining("'22-07'").hasMessageContaining("HH:MM-HH:MM");
    assertThatThrownBy(() -> RunWindows.parse(List.of("25:00-07:00"))).hasMessageContaining("'25:00-07:00'");
  }
}
