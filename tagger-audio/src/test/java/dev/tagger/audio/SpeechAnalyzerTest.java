package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TextItem;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vosk's small English model on real recorded speech: the ALSA speaker-test voice clips (a person saying
 * each channel's name; Debian's alsa-utils), scored by word error rate against their names.
 */
class SpeechAnalyzerTest {
  static final Map<String, String> CLIPS = new LinkedHashMap<>();

  static {
    for (String name : List.of("Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right", "Side_Left", "Side_Right")) {
      CLIPS.put(name + ".wav", name.replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
    }
  }

  static VoskModel model;
  static Tagger tagger;

  @BeforeAll
  static void open() {
    model = VoskModel.englishSmall(TestModels.store());
    tagger = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT)).build();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static Path audio(String name) {
    return TestModels.sampleMedia().resolve("audio").resolve(name);
  }

  static String transcript(TagResult r) {
    return r.texts().stream().filter(t -> t.kind().equals("transcript")).map(TextItem::text).collect(Collectors.joining(" "));
  }

  @Test
  void recordedSpeechIsTranscribedWithAStatedWordErrorRate() {
    int errors = 0;
    int words = 0;
    double audioSeconds = 0;
    long nanos = 0;
    for (Map.Entry<String, String> clip : CLIPS.entrySet()) {
      long start = System.nanoTime();
      TagResult r = tagger.tag(Media.of(audio(clip.getKey())));
      nanos += System.nanoTime() - start;
      assertThat(r.error()).isNull();
      audioSeconds += new FfmpegMediaDecoder().decodeAudio(Media.of(audio(clip.getKey())), 16_000).seconds();
      String heard = transcript(r);
      int e = wordErrors(clip.getValue(), heard);
      errors += e;
      words += clip.getValue().split(" ").length;
      System.out.printf("%s: truth '%s', heard '%s', WER %.2f%n", clip.getKey(), clip.getValue(), heard, e / (double) clip.getValue().split(" ").length);
    }
    double wer = errors / (double) words;
    System.out.printf("overall WER %.3f over %d words; %.1f s of audio in %.2f s (real-time factor %.2f, one thread, model loaded)%n",
        wer, words, audioSeconds, nanos / 1e9, nanos / 1e9 / audioSeconds);
    assertThat(wer).isLessThan(0.25);
  }

  /** Word-level Levenshtein distance between the truth and what was heard. */
  static int wordErrors(String truth, String heard) {
    String[] a = truth.isBlank() ? new String[0] : truth.strip().split("\\s+");
    String[] b = heard.isBlank() ? new String[0] : heard.strip().split("\\s+");
    int[][] d = new int[a.length + 1][b.length + 1];
    for (int i = 0; i <= a.length; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        int sub = d[i - 1][j - 1] + (a[i - 1].equalsIgnoreCase(b[j - 1]) ? 0 : 1);
        d[i][j] = Math.min(sub, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
      }
    }
    return d[a.length][b.length];
  }

  @Test
  void wordErrorsCountSubstitutionsInsertionsAndDeletions() {
    assertThat(wordErrors("front left", "front left")).isZero();
    assertThat(wordErrors("front left", "front")).isEqualTo(1);
    assertThat(wordErrors("front left", "front the left")).isEqualTo(1);
    assertThat(wordErrors("front left", "rear right")).isEqualTo(2);
    assertThat(Arrays.asList(1)).hasSize(1);
  }
}
