package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioWindowsTest {
  record Window(long start, int n, float first) {}

  static List<Window> cut(int totalSamples, int piece) {
    List<Window> out = new ArrayList<>();
    AudioWindows w = new AudioWindows(10, 10, 5, (s, n, start) -> out.add(new Window(start, n, s[0])));
    for (int start = 0; start < totalSamples; start += piece) {
      float[] p = new float[Math.min(piece, totalSamples - start)];
      for (int i = 0; i < p.length; i++) {
        p[i] = start + i; // each sample holds its own index
      }
      w.accept(p, start);
    }
    w.finish();
    return out;
  }

  @Test
  void windowsOverlapByTheHopAndCarryTheirOwnSamples() {
    // 10 Hz, 10 s windows (100 samples), 5 s hop, 300 samples in pieces of 50
    assertThat(cut(300, 50)).containsExactly(new Window(0, 100, 0), new Window(50, 100, 50), new Window(100, 100, 100),
        new Window(150, 100, 150), new Window(200, 100, 200));
  }

  @Test
  void shortAudioIsOneShortWindowAndALongTailGetsALastWindow() {
    assertThat(cut(42, 50)).containsExactly(new Window(0, 42, 0));
    // 230 samples: windows at 0, 50, 100 end at 200; the 30 samples after are > 1 s (10 samples), so one more
    assertThat(cut(230, 50)).last().isEqualTo(new Window(150, 80, 150));
    assertThat(cut(1, 50)).isEmpty();
  }
}
