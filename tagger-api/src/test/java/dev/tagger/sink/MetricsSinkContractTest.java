package dev.tagger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink contract for {@link MetricsSink}: every result counted once, by outcome, and each analyzer's time recorded. */
class MetricsSinkContractTest extends TagSinkContractKit {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Override
  protected TagSink newSink() {
    return new MetricsSink(registry);
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) {
    long failed = results.stream().filter(r -> !r.succeeded()).count();
    assertThat(registry.find("tagger.items").tag("outcome", "failed").counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(failed);
    assertThat(registry.find("tagger.items").counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(results.size());
    assertThat(registry.find("tagger.tags").tag("state", "review").counter().count())
        .isEqualTo(results.stream().mapToLong(r -> r.review().size()).sum());
  }

  @Test
  void eachAnalyzersTimeIsRecordedUnderItsName() throws Exception {
    TagResult r = success("timed.jpg");
    TagResult timed = new TagResult(r.path(), r.kind(), r.sha256(), r.tags(), r.review(), r.texts(), null, false, 40, List.of(),
        Map.of("object-detector", 30.0, "decode", 8.5));
    MetricsSink sink = new MetricsSink(registry);
    sink.accept(timed);
    sink.accept(timed);
    assertThat(registry.find("tagger.analyzer.duration").tag("analyzer", "object-detector").timer().count()).isEqualTo(2);
    assertThat(registry.find("tagger.analyzer.duration").tag("analyzer", "decode").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(17.0);
    assertThat(registry.find("tagger.items").tag("outcome", "tagged").counter().count()).isEqualTo(2);
  }
}
