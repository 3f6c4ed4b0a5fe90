package dev.tagger.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tagger.Category;
import dev.tagger.ItemError;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link TagSink} must do: take successes and failures from many threads without
 * throwing, flush, and close twice.
 */
public abstract class TagSinkContractKit {
  @TempDir
  protected Path tmp;

  /** A fresh sink writing under {@link #tmp}. */
  protected abstract TagSink newSink();

  /** Checks what the sink wrote for these results. */
  protected abstract void verifyWritten(TagSink sink, List<TagResult> results) throws Exception;

  protected TagResult success(String name) throws Exception {
    Path media = tmp.resolve(name);
    java.nio.file.Files.writeString(media, "x");
    Source s = new Source("image-classifier", "imagenet-mobilenetv2-int8", "cc028fe6cae7");
    return new TagResult(media.toString(), MediaKind.IMAGE, "00", List.of(Tag.of("cat", 0.9, Category.OBJECT, s)),
        List.of(Tag.of("sofa", 0.4, Category.OBJECT, s).withReview(true)), List.of(), null, false, 5);
  }

  @Test
  void acceptsSuccessesAndFailuresFromManyThreads() throws Exception {
    TagSink sink = newSink();
    List<TagResult> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      results.add(success("item-" + i + ".jpg"));
    }
    results.add(TagResult.failed(tmp.resolve("bad.jpg").toString(), MediaKind.UNKNOWN, null, new ItemError("read", "bad.jpg: file is empty (0 bytes)"), 1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (TagResult r : results) {
        futures.add(pool.submit(() -> sink.accept(r)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    sink.flush();
    verifyWritten(sink, results);
    assertThatCode(() -> {
      sink.close();
      sink.close();
    }).doesNotThrowAnyException();
  }
}
