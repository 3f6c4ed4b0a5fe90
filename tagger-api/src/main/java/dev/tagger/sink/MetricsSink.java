package dev.tagger.sink;

import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Each item's result as Micrometer meters, for a dashboard or a scrape endpoint:
 * <ul>
 *   <li>{@code tagger.items} (counter; tags {@code kind}, {@code outcome} = tagged, cached or failed, and
 *       {@code stage} for failures);</li>
 *   <li>{@code tagger.item.duration} (timer; {@code kind}): the item's wall time;</li>
 *   <li>{@code tagger.analyzer.duration} (timer; {@code analyzer}): the wall time each analyzer, and
 *       decoding ({@code decode}), spent on items analyzed in this run;</li>
 *   <li>{@code tagger.tags} (counter; {@code category}, {@code state} = applied or review).</li>
 * </ul>
 * Labels are not meter tags: a library's vocabulary would make too many series. Thread-safe.
 */
public final class MetricsSink implements TagSink {
  private final MeterRegistry registry;

  public MetricsSink(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void accept(TagResult r) {
    String kind = r.kind().name().toLowerCase(Locale.ROOT);
    String outcome = r.error() != null ? "failed" : r.fromCache() ? "cached" : "tagged";
    Counter.builder("tagger.items").description("Items finished").tag("kind", kind).tag("outcome", outcome)
        .tag("stage", r.error() == null ? "none" : r.error().stage()).register(registry).increment();
    Timer.builder("tagger.item.duration").description("Wall time per item").tag("kind", kind).register(registry)
        .record(Duration.ofMillis(r.millis()));
    r.analyzerMillis().forEach((analyzer, ms) -> Timer.builder("tagger.analyzer.duration")
        .description("Wall time an analyzer (or decoding) spent on an item").tag("analyzer", analyzer).register(registry)
        .record(Duration.ofNanos(Math.round(ms * 1e6))));
    count(r.tags().stream().map(Tag::category).map(Enum::name).toList(), "applied");
    count(r.review().stream().map(Tag::category).map(Enum::name).toList(), "review");
  }

  private void count(java.util.List<String> categories, String state) {
    for (String c : categories) {
      Counter.builder("tagger.tags").description("Tags given").tag("category", c.toLowerCase(Locale.ROOT)).tag("state", state)
          .register(registry).increment();
    }
  }
}
