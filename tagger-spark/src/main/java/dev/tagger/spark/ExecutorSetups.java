package dev.tagger.spark;

import dev.tagger.TaggerException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The setups of this JVM, one per setup class and configuration, opened on first use and closed when the JVM ends:
 * an executor loads its models once for all the tasks and stages it runs. Thread-safe.
 */
final class ExecutorSetups {
  private static final Map<String, ExecutorSetup> OPEN = new ConcurrentHashMap<>();
  private static final Map<String, ExecutorSetup> BARE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorSetups::closeAll, "tagger-spark-close"));
  }

  private ExecutorSetups() {}

  /** The configured setup of this JVM for the class and configuration, opened now if this is its first use. */
  static ExecutorSetup open(String setupClass, String configuration) {
    return OPEN.computeIfAbsent(setupClass + "\u0000" + configuration, k -> {
      ExecutorSetup s = create(setupClass);
      try {
        s.configure(configuration);
      } catch (Exception e) {
        try {
          s.close(); // what it opened before it failed
        } catch (Exception closing) {
          e.addSuppressed(closing);
        }
        throw new TaggerException("cannot open " + setupClass + " in this executor: " + e.getMessage(), e);
      }
      return s;
    });
  }

  /** A setup of the class that is not configured, to ask what items cost without loading models. */
  static ExecutorSetup bare(String setupClass) {
    return BARE.computeIfAbsent(setupClass, ExecutorSetups::create);
  }

  private static ExecutorSetup create(String setupClass) {
    try {
      return Class.forName(setupClass).asSubclass(ExecutorSetup.class).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new TaggerException("cannot make the executor setup " + setupClass + " (a public class with a public no-argument "
          + "constructor implementing ExecutorSetup, on the executors' classpath): " + e, e);
    }
  }

  /** Closes every open setup (the executor is ending, or a test is done with its local cluster). */
  static void closeAll() {
    for (Map<String, ExecutorSetup> m : java.util.List.of(OPEN, BARE)) {
      for (ExecutorSetup s : m.values()) {
        try {
          s.close();
        } catch (Exception e) {
          System.err.println("tagger-spark: closing " + s + " failed: " + e);
        }
      }
      m.clear();
    }
  }
}
