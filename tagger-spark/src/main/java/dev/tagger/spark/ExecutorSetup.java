package dev.tagger.spark;

import dev.tagger.Tagger;

/**
 * Opens the engine inside an executor JVM: made by its public no-argument constructor and configured once per JVM
 * with the job's configuration (JSON, say, naming the analyzers and the policy), then shared by the executor's tasks
 * until the JVM ends, when it is closed. What the engine does for an item (the per-item time limit, worker processes
 * that contain a native crash) is the setup's to choose, as it is for the CLI.
 */
public interface ExecutorSetup extends AutoCloseable {
  /** Opens the engine; called once per executor JVM, before any other method. */
  void configure(String configuration) throws Exception;

  /** The engine the executor's tasks share. */
  Tagger tagger();

  /**
   * What tagging an item is expected to cost, relative to a photo (1): cheap to answer (a container's header at most),
   * so that partitions can be balanced by cost, not by count. Asked before {@link #configure} may have run: it must not
   * need the models.
   */
  double cost(java.nio.file.Path item);

  /**
   * What tells this setup's output from another's: the analysis ({@link Tagger#fingerprint()}) and everything else
   * that changes the tags written, such as the policy, vocabularies and rules. A job writes under a folder named by
   * it, so a run with another analysis or policy never counts this one's lines as done. Asked after {@link #configure}.
   */
  default String fingerprint() {
    return tagger().fingerprint();
  }

  @Override
  default void close() throws Exception {}
}
