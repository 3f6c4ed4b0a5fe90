package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Batch;
import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.testkit.TestModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated two-hour recording (8 kHz, silence with a real spoken "front left" every 5 minutes):
 * transcribed in a JVM whose heap could not hold the decoded audio (2 h at 16 kHz in floats is 460 MB),
 * and cancelled mid-way.
 */
class LongAudioTest {
  static final int RATE = 8_000;
  static final long SECONDS = 2 * 3600;
  static final int EVERY = 300;

  @TempDir
  static Path dir;
  static Path twoHours;

  @BeforeAll
  static void generate() throws IOException {
    float[] clip = new FfmpegMediaDecoder().decodeAudio(Media.of(SpeechAnalyzerTest.audio("Front_Left.wav")), RATE).samples();
    twoHours = TestMedia.longWav(dir.resolve("two-hours.wav"), RATE, SECONDS * RATE, i -> {
      long inCycle = i % (EVERY * (long) RATE);
      return inCycle < clip.length ? clip[(int) inCycle] : 0;
    });
  }

  @Test
  void twoHoursAreTranscribedInA96MbHeap() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
        "-D" + dev.tagger.model.ModelStore.PROPERTY_DIR + "=" + TestModels.dir(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), LongAudioRun.class.getName(), twoHours.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println("two hours of audio: " + out.lines().filter(l -> l.startsWith("utterances=")).findFirst().orElse(out));
    assertThat(p.exitValue()).as(out).isZero();
    int expected = (int) (SECONDS / EVERY);
    int rssMb = Integer.parseInt(out.replaceAll("(?s).*peakRssMb=(\\d+).*", "$1"));
    List<Double> starts = out.lines().filter(l -> l.startsWith("heard ")).map(l -> Double.parseDouble(l.split(" ")[1])).toList();
    // Every utterance is where it was placed, on the two-hour clock (silence skipped before recognition).
    assertThat(starts).hasSize(expected);
    for (int k = 0; k < expected; k++) {
      assertThat(starts.get(k)).isCloseTo(k * (double) EVERY, org.assertj.core.api.Assertions.within(1.0));
    }
    // Heap is capped at 96 MB; native memory is the Vosk model (about 150 MB) and FFmpeg.
    assertThat(rssMb).isLessThan(700);
  }

  @Test
  void aLongRunCanBeCancelled() throws Exception {
    try (SoundEventAnalyzer sounds = SoundEventAnalyzer.audioSet(TestModels.store(), SoundEventOptions.DEFAULT)) {
      Tagger tagger = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(sounds).build();
      long start = System.nanoTime();
      Batch batch = tagger.start(List.of(Media.of(twoHours)));
      Thread.sleep(2000);
      batch.cancel();
      assertThat(batch.await(Duration.ofSeconds(30))).isTrue();
      BatchSummary s = batch.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("sound events on two hours, cancelled after 2 s: stopped after %.1f s: %s%n", seconds, s.results().get(0).error());
      assertThat(s.results().get(0).error().stage()).isEqualTo("cancelled");
      assertThat(seconds).isLessThan(15);
    }
  }
}
