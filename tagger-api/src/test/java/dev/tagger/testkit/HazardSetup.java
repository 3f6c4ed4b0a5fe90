package dev.tagger.testkit;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.Tagger;
import dev.tagger.TaggerException;
import dev.tagger.WorkerSetup;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test only: a worker setup whose analyzer takes its worker JVM down on purpose when a text file says so:
 * {@code segfault} writes to address 0 (the JVM dies of SIGSEGV), {@code exhaust} fills the heap,
 * {@code hoard} allocates native memory outside the heap, {@code spin} loops without ever checking for
 * cancellation, {@code halt} ends the JVM with exit code 42; {@code which collector} names the worker's garbage
 * collectors in a tag. Other files get the {@link Fixtures.WordAnalyzer}'s
 * tags. The configuration {@code fail} makes the setup itself fail, as a missing model would.
 */
public final class HazardSetup implements WorkerSetup {
  @Override
  public void configure(Tagger.Builder worker, String configuration) {
    if (configuration.equals("fail")) {
      throw new TaggerException("model hazard-1 is missing from the store; put it there first");
    }
    worker.analyzer(new Fixtures.WordAnalyzer()).analyzer(new HazardAnalyzer());
  }

  /** Does what the file says; see the class comment. */
  static final class HazardAnalyzer implements Analyzer {
    @Override
    public AnalyzerInfo info() {
      return new AnalyzerInfo("hazard", "none", "1", "");
    }

    @Override
    public Set<MediaKind> kinds() {
      return Set.of(MediaKind.TEXT);
    }

    @Override
    public AnalyzerOutput analyze(AnalysisInput input) {
      String text;
      try {
        text = Files.readString(input.media().path(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MediaException(input.media().id() + ": " + e.getMessage(), e);
      }
      if (text.contains("segfault")) {
        unsafe("putAddress", 0L, 0L);
      } else if (text.contains("exhaust")) {
        List<long[]> hog = new ArrayList<>();
        while (true) {
          hog.add(new long[1 << 20]);
        }
      } else if (text.contains("hoard")) {
        for (int i = 0; i < 64; i++) {
          long address = (long) unsafe("allocateMemory", 64L << 20);
          unsafe("setMemory", address, 64L << 20, (byte) 1); // touched, so it is resident
        }
      } else if (text.contains("spin")) {
        long x = 0;
        while (x >= 0) {
          x = (x + 1) % 1_000_000; // never checks for cancellation: only a kill stops it
        }
      } else if (text.contains("halt")) {
        Runtime.getRuntime().halt(42);
      } else if (text.contains("which collector")) {
        String names = String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        return AnalyzerOutput.of(List.of(new Detection("collectors: " + names, 1.0, Category.KEYWORD)));
      }
      return AnalyzerOutput.of(List.of(new Detection("survived", 1.0, Category.KEYWORD)));
    }

    private static Object unsafe(String method, Object... args) {
      try {
        Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object u = f.get(null);
        for (java.lang.reflect.Method m : u.getClass().getMethods()) {
          if (m.getName().equals(method) && m.getParameterCount() == args.length) {
            return m.invoke(u, args);
          }
        }
        throw new IllegalStateException("no Unsafe." + method);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
