package dev.tagger.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits on a clock the test moves: requests spaced, tokens held to the minute, the real spend booked. */
class RateLimiterTest {
  /** A clock that moves only when the limiter sleeps. */
  static final class HandClock implements RateLimiter.Clock {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanos() {
      return now;
    }

    @Override
    public void sleep(long nanos) {
      sleeps.add(nanos);
      now += nanos;
    }
  }

  @Test
  void requestsAreSpacedSoNoSecondSeesMoreThanTheLimit() throws InterruptedException {
    HandClock clock = new HandClock();
    RateLimiter limiter = new RateLimiter(5, 0, clock);
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      limiter.acquire(10);
      at.add(clock.now);
    }
    for (int i = 5; i < at.size(); i++) {
      assertThat(at.get(i) - at.get(i - 5)).as("five requests later").isGreaterThan(1_000_000_000L);
    }
  }

  @Test
  void tokensWaitForRoomInTheMinuteAndTheRealSpendIsBooked() throws InterruptedException {
    HandClock clock = new HandClock();
    RateLimiter limiter = new RateLimiter(0, 1000, clock);
    long start = clock.now;
    limiter.acquire(400);
    RateLimiter.Entry second = limiter.acquire(400);
    assertThat(clock.now).as("800 of 1000 fit in the minute").isEqualTo(start);
    second.spent(100); // the reply said it cost less
    limiter.acquire(400);
    assertThat(clock.now).as("400 + 100 + 400 still fit").isEqualTo(start);
    limiter.acquire(400);
    assertThat(clock.now - start).as("the fourth waits until the first leaves the minute").isEqualTo(60_000_000_000L);
  }

  @Test
  void aRequestLargerThanTheMinuteStillGoesAlone() throws InterruptedException {
    HandClock clock = new HandClock();
    RateLimiter limiter = new RateLimiter(0, 100, clock);
    limiter.acquire(500);
    limiter.acquire(500);
    assertThat(clock.sleeps).as("the second waited for the first to leave the minute").containsExactly(60_000_000_000L);
  }
}
