package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TextItem;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.Pcm;
import dev.tagger.testkit.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Silero voice-activity model in front of Vosk against the energy gate it replaced, on real sounds:
 * the sample music, noise, applause and barking (no one speaks in them) and the recorded voice clips.
 * The counts are printed; the assertions are what a person would check: no words made up from sounds,
 * speech heard as well as before, and speech segments that lie where someone speaks.
 */
class VoiceActivityTest {
  static final List<String> NOT_SPEECH = List.of("music-house-loop.ogg", "Noise.wav", "applause.wav", "dog-bark.ogg");

  static VoskModel vosk;
  static VoiceActivity voice;
  static Tagger gated;
  static Tagger energy;

  @TempDir
  Path dir;

  @BeforeAll
  static void open() {
    vosk = VoskModel.englishSmall(TestModels.store());
    voice = VoiceActivity.open(TestModels.store());
    gated = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(new SpeechAnalyzer(vosk, voice, SpeechOptions.DEFAULT)).build();
    energy = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(new SpeechAnalyzer(vosk, SpeechOptions.DEFAULT)).build();
  }

  @AfterAll
  static void close() {
    voice.close();
    vosk.close();
  }

  static Pcm pcm(String name) {
    return new FfmpegMediaDecoder().decodeAudio(Media.of(SpeechAnalyzerTest.audio(name)), 16_000);
  }

  static int words(TagResult r) {
    String t = SpeechAnalyzerTest.transcript(r);
    return t.isBlank() ? 0 : t.strip().split("\\s+").length;
  }

  @Test
  void theModelHearsSpeechInTheVoiceClipsAndNoneInSounds() {
    for (String clip : SpeechAnalyzerTest.CLIPS.keySet()) {
      assertThat(max(voice.stream().probabilities(pcm(clip).samples()))).as(clip).isGreaterThan(0.8f);
    }
    for (String sound : NOT_SPEECH) {
      float[] p = voice.stream().probabilities(pcm(sound).samples());
      long speechChunks = count(p);
      System.out.printf("%s: %d of %d chunks speech, most likely %.2f%n", sound, speechChunks, p.length, max(p));
      assertThat(speechChunks).as(sound).isLessThanOrEqualTo(p.length / 20);
    }
  }

  @Test
  void noWordsAreMadeUpFromMusicNoiseApplauseOrBarking() throws Exception {
    int before = 0;
    int after = 0;
    for (String sound : NOT_SPEECH) {
      // each sound looped to 30 s, as a soundtrack with music or a noisy room goes on
      float[] looped = loop(pcm(sound).samples(), 30 * 16_000);
      Media m = Media.of(TestMedia.longWav(dir.resolve(sound + "-30s.wav"), 16_000, looped.length, i -> looped[(int) i]));
      int e = words(energy.tag(m));
      int v = words(gated.tag(m));
      System.out.printf("%s: false words with the energy gate %d, with voice activity %d%n", sound, e, v);
      before += e;
      after += v;
    }
    System.out.printf("false words on sounds: energy gate %d, voice activity %d%n", before, after);
    assertThat(after).isLessThanOrEqualTo(before).isZero();
  }

  @Test
  void recordedSpeechIsHeardAsWellAsWithTheEnergyGate() {
    int errorsBefore = 0;
    int errorsAfter = 0;
    int words = 0;
    for (Map.Entry<String, String> clip : SpeechAnalyzerTest.CLIPS.entrySet()) {
      Media m = Media.of(SpeechAnalyzerTest.audio(clip.getKey()));
      errorsBefore += SpeechAnalyzerTest.wordErrors(clip.getValue(), SpeechAnalyzerTest.transcript(energy.tag(m)));
      errorsAfter += SpeechAnalyzerTest.wordErrors(clip.getValue(), SpeechAnalyzerTest.transcript(gated.tag(m)));
      words += clip.getValue().split(" ").length;
    }
    System.out.printf("WER on the voice clips: energy gate %.3f, voice activity %.3f (%d words)%n", errorsBefore / (double) words,
        errorsAfter / (double) words, words);
    assertThat(errorsAfter).isLessThanOrEqualTo(errorsBefore);
  }

  @Test
  void speechSegmentsLieWhereSomeoneSpeaksNotOverMusic() throws Exception {
    // a voice, 6 s of the music loop, another voice
    List<float[]> parts = List.of(pcm("Front_Left.wav").samples(), loop(pcm("music-house-loop.ogg").samples(), 6 * 16_000),
        pcm("Rear_Right.wav").samples());
    List<Float> all = new ArrayList<>();
    parts.forEach(p -> {
      for (float s : p) {
        all.add(s);
      }
    });
    double musicStart = parts.get(0).length / 16_000.0;
    double musicEnd = musicStart + 6;
    Path wav = TestMedia.longWav(dir.resolve("voice-music-voice.wav"), 16_000, all.size(), i -> all.get((int) i));
    TagResult r = gated.tag(Media.of(wav));
    // each utterance is one transcript text with its span (the speech tag's segments are made from them)
    System.out.println("music " + musicStart + "-" + musicEnd + " s; heard: "
        + r.texts().stream().filter(t -> t.kind().equals("transcript")).map(t -> t.span() + " " + t.text()).toList());
    assertThat(SpeechAnalyzerTest.transcript(r)).contains("front").contains("right");
    assertThat(transcripts(r)).isNotEmpty();
    for (TextItem t : transcripts(r)) {
      double start = t.span().startSeconds();
      double end = t.span().endSeconds();
      assertThat(end <= musicStart + 0.3 || start >= musicEnd - 0.3).as("speech %s-%s s against music %s-%s s", start, end, musicStart, musicEnd)
          .isTrue();
    }
  }

  private static float[] loop(float[] s, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = s[i % s.length];
    }
    return out;
  }

  private static float max(float[] p) {
    float m = 0;
    for (float v : p) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static long count(float[] p) {
    long n = 0;
    for (float v : p) {
      if (v >= Transcriber.SPEECH_PROBABILITY) {
        n++;
      }
    }
    return n;
  }

  static List<TextItem> transcripts(TagResult r) {
    return r.texts().stream().filter(t -> t.kind().equals("transcript")).toList();
  }
}
