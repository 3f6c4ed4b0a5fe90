package dev.tagger.internal;

import dev.tagger.MediaException;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.AudioAnalyzer;
import dev.tagger.spi.MediaDecoder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item's soundtrack decoded once for all its audio analyzers: each pass hears its pieces at its own
 * rate as the decoder makes them, on the item's thread. A pass that wants no more is left out of the
 * rest; a failing pass fails the item, named; every pass is closed, however the item ends.
 */
final class AudioStream {
  private AudioStream() {}

  static Map<AudioAnalyzer, AnalyzerOutput> run(List<AudioAnalyzer> analyzers, DecodedItem item) {
    Map<AudioAnalyzer, AudioAnalyzer.Pass> passes = new IdentityHashMap<>();
    try {
      List<MediaDecoder.AudioListener> listeners = new ArrayList<>();
      for (AudioAnalyzer a : analyzers) {
        AudioAnalyzer.Pass pass = LocalAnalysis.guarded(a, item, () -> a.start(item));
        passes.put(a, pass);
        listeners.add(new MediaDecoder.AudioListener(a.sampleRate(), a.pieceSamples(),
            (samples, start) -> LocalAnalysis.guarded(a, item, () -> pass.hear(samples, start))));
      }
      Map<AudioAnalyzer, AnalyzerOutput> out = new IdentityHashMap<>();
      try {
        item.streamAudio(listeners);
      } catch (MediaException e) {
        if (!AudioAnalyzer.isSilentFilm(item.kind(), e)) {
          throw e;
        }
        analyzers.forEach(a -> out.put(a, AnalyzerOutput.EMPTY)); // nothing to hear
        return out;
      }
      for (AudioAnalyzer a : analyzers) {
        out.put(a, LocalAnalysis.guarded(a, item, () -> passes.get(a).finish()));
      }
      return out;
    } finally {
      passes.values().forEach(AudioAnalyzer.Pass::close);
    }
  }
}
