package dev.tagger.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where one item's analysis spent its time: wall time in each analyzer (by id) and in decoding
 * ({@link #DECODE}). Timings nest on a thread: a decode an analyzer asks for counts as decoding, not as the
 * analyzer, and an analyzer hearing a soundtrack as it is decoded counts as the analyzer. Time spent
 * waiting ({@link #untimed}) counts as neither. Decoding on a thread of its own (video frames) runs beside
 * the analyzers, so the parts may add up to more than the item's wall time. Thread-safe.
 */
final class ItemTimings {
  static final String DECODE = "decode";

  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
  private final ThreadLocal<Deque<Frame>> stacks = ThreadLocal.withInitial(ArrayDeque::new);

  private final class Frame {
    final @Nullable String key;
    long since;

    Frame(@Nullable String key, long since) {
      this.key = key;
      this.since = since;
    }

    void count(long now) {
      if (key != null) {
        nanos.computeIfAbsent(key, k -> new LongAdder()).add(now - since);
      }
      since = now;
    }
  }

  /** Runs {@code call}, its time counted under {@code key} (and not under whatever called it). */
  <T> T time(String key, Supplier<T> call) {
    return timed(key, call);
  }

  /** What this thread's time counts under now (an analyzer's id, {@link #DECODE}), or null. */
  @Nullable String current() {
    Frame top = stacks.get().peek();
    return top == null ? null : top.key;
  }

  /** Runs {@code call} without counting its time anywhere (waiting for room in a queue). */
  <T> T untimed(Supplier<T> call) {
    return timed(null, call);
  }

  private <T> T timed(@Nullable String key, Supplier<T> call) {
    Deque<Frame> stack = stacks.get();
    long now = System.nanoTime();
    Frame parent = stack.peek();
    if (parent != null) {
      parent.count(now);
    }
    Frame frame = new Frame(key, now);
    stack.push(frame);
    try {
      return call.get();
    } finally {
      long end = System.nanoTime();
      frame.count(end);
      stack.pop();
      if (parent != null) {
        parent.since = end;
      }
    }
  }

  /** Milliseconds by analyzer id and {@link #DECODE}, to a tenth. */
  Map<String, Double> millis() {
    Map<String, Double> out = new TreeMap<>();
    nanos.forEach((k, v) -> out.put(k, Math.round(v.sum() / 1e5) / 10.0));
    return out;
  }
}
