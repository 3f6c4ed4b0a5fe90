package dev.tagger;

/**
 * Opens the analyzers inside each worker process of a {@link WorkerPool}. A worker creates the setup with
 * its public no-argument constructor and calls {@link #configure} once with the configuration string the
 * pool was given (JSON, say, naming models and options); if the setup is {@link AutoCloseable} the worker
 * closes it when it ends. Only analyzers, the decoder, sampling and aggregation are read from the builder:
 * the tag policy, rules, result store and sinks stay in the parent, on the {@link Tagger} that uses the pool.
 */
@FunctionalInterface
public interface WorkerSetup {
  void configure(Tagger.Builder worker, String configuration) throws Exception;
}
