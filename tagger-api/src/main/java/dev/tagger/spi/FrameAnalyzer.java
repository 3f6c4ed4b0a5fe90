package dev.tagger.spi;

import java.util.List;

/**
 * A vision analyzer that looks at pictures one at a time. For a video the engine decodes the sampled frames
 * on another thread, a few ahead at most, and hands each to every frame analyzer of the item before it lets
 * the frame go: decoding and looking overlap, and a long video never sits in memory whole. A still is one
 * pass over one picture, and {@link #analyze} runs a pass over {@link AnalysisInput#pictures()}.
 */
public interface FrameAnalyzer extends Analyzer {
  /**
   * Starts looking at one item. The pass gets its pictures in time order and is then asked once for the
   * output; it belongs to one thread and one item (the analyzer itself stays thread-safe).
   */
  Pass start(AnalysisInput input);

  /** One item's look at its pictures, in order. */
  interface Pass {
    /** Looks at the next picture; may keep what it needs from it, but should keep few pictures. */
    void look(Picture picture);

    /** What the pictures showed, once all were given. */
    AnalyzerOutput finish();

    /** A pass that looks at nothing and reports {@code output} (an analyzer that cannot run here). */
    static Pass ignoring(AnalyzerOutput output) {
      return new Pass() {
        @Override
        public void look(Picture picture) {}

        @Override
        public AnalyzerOutput finish() {
          return output;
        }
      };
    }
  }

  @Override
  default AnalyzerOutput analyze(AnalysisInput input) {
    List<Picture> pictures = input.pictures();
    Pass pass = start(input);
    for (Picture p : pictures) {
      input.checkCancelled();
      pass.look(p);
    }
    return pass.finish();
  }
}
