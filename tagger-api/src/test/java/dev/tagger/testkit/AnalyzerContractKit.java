package dev.tagger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.Tagger;
import dev.tagger.TagResult;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Analyzer} must do; an implementation's test extends this kit and supplies the
 * analyzer, a decoder and media it should find something in.
 */
public abstract class AnalyzerContractKit {
  protected abstract Analyzer analyzer();

  protected abstract MediaDecoder decoder();

  /** Media of a kind the analyzer handles, in which it finds at least one thing. */
  protected abstract List<Media> media();

  @Test
  void infoIsComplete() {
    var info = analyzer().info();
    assertThat(info.id()).isNotBlank();
    assertThat(info.model()).isNotBlank();
    assertThat(info.version()).isNotBlank();
    assertThat(analyzer().kinds()).isNotEmpty();
  }

  /** False for an analyzer that hands on something else than tags (the people analyzer's face descriptors). */
  protected boolean reportsTags() {
    return true;
  }

  @Test
  void findsSomethingWithProvenance() {
    if (!reportsTags()) {
      for (Media m : media()) {
        var out = analyzer().analyze(new dev.tagger.internal.DecodedItem(m, m.kind(), decoder(), dev.tagger.spi.SamplingPolicy.DEFAULT, () -> false));
        assertThat(out.detections().isEmpty() && out.texts().isEmpty() && out.faces().isEmpty()).as("found nothing in %s", m).isFalse();
      }
      return;
    }
    Tagger tagger = Tagger.builder().decoder(decoder()).analyzer(analyzer()).parallelism(1).build();
    for (Media m : media()) {
      TagResult r = tagger.tag(m);
      assertThat(r.error()).as("error for %s", m).isNull();
      assertThat(r.tags()).as("tags of %s", m).isNotEmpty();
      r.tags().forEach(t -> {
        assertThat(t.source().analyzer()).isEqualTo(analyzer().info().id());
        assertThat(t.source().version()).isEqualTo(analyzer().info().version());
        assertThat(t.confidence()).isBetween(0.0, 1.0);
      });
    }
  }

  @Test
  void isDeterministicAndThreadSafe() throws Exception {
    Media m = media().get(0);
    Tagger tagger = Tagger.builder().decoder(decoder()).analyzer(analyzer()).parallelism(1).build();
    List<String> expected = names(tagger.tag(m));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> names(tagger.tag(m))));
      }
      for (Future<List<String>> f : runs) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> names(TagResult r) {
    return r.tags().stream().map(t -> t.name() + "@" + Math.round(t.confidence() * 1000)).toList();
  }
}
