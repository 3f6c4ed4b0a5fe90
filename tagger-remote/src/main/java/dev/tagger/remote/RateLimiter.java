package dev.tagger.remote;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds a process to its requests a second and tokens a minute. Requests are spaced a little more than {@code 1/rps}
 * apart, so no second ever sees more than {@code rps} of them, a burst included. Tokens are kept in a ledger of the last
 * minute: a request waits until the minute has room for what it is expected to spend, and its entry is then set
 * to what it really spent. Thread-safe; the waiting happens outside the lock.
 */
final class RateLimiter {
  /** Time as the limiter sees it: the JDK's in production, a hand-moved one in a test. */
  interface Clock {
    long nanos();

    void sleep(long nanos) throws InterruptedException;

    Clock SYSTEM = new Clock() {
      @Override
      public long nanos() {
        return System.nanoTime();
      }

      @Override
      public void sleep(long nanos) throws InterruptedException {
        java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
      }
    };
  }

  private static final long MINUTE = 60_000_000_000L;
  private static final long MARGIN = 10_000_000L;

  private final long spacing;
  private final int tokensPerMinute;
  private final Clock clock;
  private final Deque<Entry> ledger = new ArrayDeque<>();
  private long nextSlot = Long.MIN_VALUE;

  /** One request's place in the minute's ledger. */
  final class Entry {
    final long at;
    long tokens;

    Entry(long at, long tokens) {
      this.at = at;
      this.tokens = tokens;
    }

    /** Sets the entry to what the request really spent, as the reply's usage says. */
    void spent(long actual) {
      synchronized (RateLimiter.this) {
        tokens = Math.max(0, actual);
      }
    }
  }

  RateLimiter(double requestsPerSecond, int tokensPerMinute, Clock clock) {
    // a little over 1/rps, so a gateway that counts arrivals (which come with some network jitter) never sees one too many
    this.spacing = requestsPerSecond <= 0 ? 0 : (long) Math.ceil(1.02e9 / requestsPerSecond) + MARGIN;
    this.tokensPerMinute = tokensPerMinute;
    this.clock = clock;
  }

  /** Waits until a request expected to spend {@code tokens} may go, and books it. */
  Entry acquire(long tokens) throws InterruptedException {
    Entry entry = bookTokens(tokens);
    long wait;
    synchronized (this) {
      long now = clock.nanos();
      long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
      nextSlot = slot + spacing;
      wait = slot - now;
    }
    if (wait > 0) {
      clock.sleep(wait);
    }
    return entry;
  }

  private Entry bookTokens(long tokens) throws InterruptedException {
    while (true) {
      long wait;
      synchronized (this) {
        long now = clock.nanos();
        while (!ledger.isEmpty() && now - ledger.peekFirst().at >= MINUTE) {
          ledger.pollFirst();
        }
        long used = ledger.stream().mapToLong(e -> e.tokens).sum();
        // a request larger than the whole minute still goes, alone, rather than never
        if (tokensPerMinute <= 0 || ledger.isEmpty() || used + tokens <= tokensPerMinute) {
          Entry e = new Entry(now, tokens);
          if (tokensPerMinute > 0) {
            ledger.addLast(e);
          }
          return e;
        }
        wait = ledger.peekFirst().at + MINUTE - now;
      }
      clock.sleep(Math.max(1, wait));
    }
  }
}
