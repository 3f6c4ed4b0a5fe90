package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.Pcm;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AudioSet model on real recorded sound effects: the expected class among the top 3. */
class SoundEventAnalyzerTest {
  static SoundEventAnalyzer sounds;

  @BeforeAll
  static void open() {
    sounds = SoundEventAnalyzer.audioSet(TestModels.store(), SoundEventOptions.DEFAULT);
  }

  @AfterAll
  static void close() {
    sounds.close();
  }

  static List<String> top(Path file, int k) {
    Pcm pcm = new FfmpegMediaDecoder().decodeAudio(Media.of(file), LogMel.SAMPLE_RATE);
    float[] p = sounds.scores(pcm.samples(), Math.min(pcm.samples().length, LogMel.SAMPLE_RATE * 10));
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingDouble(i -> -p[i]));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(sounds.labels().get(idx.get(i)));
    }
    System.out.printf("%s (%.1f s): top %d %s, scores %.2f %.2f %.2f%n", file.getFileName(), pcm.seconds(), k, out, p[idx.get(0)], p[idx.get(1)], p[idx.get(2)]);
    return out;
  }

  @Test
  void realSoundEffectsGiveTheirClassInTheTop3() {
    Path dir = TestModels.sampleMedia().resolve("audio");
    assertThat(top(dir.resolve("dog-bark.ogg"), 3)).containsAnyOf("Bark", "Dog");
    assertThat(top(dir.resolve("applause.wav"), 3)).contains("Applause");
    assertThat(top(dir.resolve("music-house-loop.ogg"), 3)).contains("Music");
    assertThat(top(dir.resolve("Front_Left.wav"), 3)).containsAnyOf("voice", "Male speech, man speaking", "Female speech, woman speaking");
  }
}
