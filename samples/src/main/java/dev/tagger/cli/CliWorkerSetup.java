package dev.tagger.cli;

import dev.tagger.Tagger;
import dev.tagger.WorkerSetup;

/** Opens, in a worker process, the analyzers an {@link AnalysisSpec} names (handed over as JSON); closes them at the end. */
public final class CliWorkerSetup implements WorkerSetup, AutoCloseable {
  private AnalyzerChoice chosen;

  @Override
  public void configure(Tagger.Builder worker, String configuration) {
    AnalysisSpec spec = AnalysisSpec.fromJson(configuration);
    chosen = spec.open();
    spec.configure(worker, chosen);
  }

  @Override
  public void close() {
    if (chosen != null) {
      chosen.close();
    }
  }
}
