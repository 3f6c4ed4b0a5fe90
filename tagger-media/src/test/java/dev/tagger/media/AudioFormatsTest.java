package dev.tagger.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.Media;
import dev.tagger.spi.Pcm;
import dev.tagger.testkit.TestModels;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd formats all come out as mono floats at the asked rate, whole or streamed in pieces. */
class AudioFormatsTest {
  @TempDir
  Path dir;
  final FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();

  @Test
  void stereo48kHz8BitAacAndOggBecomeMono16kHz() throws Exception {
    Path stereo48k = TestMedia.wav(dir.resolve("stereo-48k.wav"), 440, 48_000, 2, 3.0);
    Path aac = TestMedia.audioOnlyVideoContainer(dir.resolve("tone.m4a"), 2.0);
    Path eightBit = dir.resolve("eight-bit.wav");
    byte[] pcm = new byte[8000 * 2];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (byte) (128 + 60 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
    }
    AudioFormat unsigned8 = new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 8000, 8, 1, 1, 8000, false);
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), unsigned8, pcm.length), AudioFileFormat.Type.WAVE, eightBit.toFile());
    Path ogg = TestModels.sampleMedia().resolve("audio/dog-bark.ogg");

    assertThat(decoder.decodeAudio(Media.of(stereo48k), 16_000).seconds()).isCloseTo(3.0, within(0.05));
    assertThat(decoder.decodeAudio(Media.of(aac), 16_000).seconds()).isCloseTo(2.0, within(0.1));
    Pcm eight = decoder.decodeAudio(Media.of(eightBit), 16_000);
    assertThat(eight.seconds()).isCloseTo(2.0, within(0.05));
    assertThat(peak(eight.samples())).isBetween(0.3f, 0.6f); // 60 of 128 steps, centred on zero
    assertThat(decoder.decodeAudio(Media.of(ogg), 16_000).seconds()).isGreaterThan(0.3);
  }

  @Test
  void streamingGivesTheSameSamplesInPiecesOfTheAskedSize() throws Exception {
    Path wav = TestMedia.wav(dir.resolve("tone.wav"), 440, 44_100, 1, 2.5);
    float[] whole = decoder.decodeAudio(Media.of(wav), 16_000).samples();
    List<float[]> pieces = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    decoder.streamAudio(Media.of(wav), 16_000, 8000, (samples, start) -> {
      pieces.add(samples);
      starts.add(start);
      return true;
    });
    assertThat(starts).containsExactly(0L, 8000L, 16000L, 24000L, 32000L).hasSize(pieces.size());
    float[] joined = new float[whole.length];
    int n = 0;
    for (float[] p : pieces) {
      System.arraycopy(p, 0, joined, n, p.length);
      n += p.length;
    }
    assertThat(n).isEqualTo(whole.length);
    assertThat(joined).containsExactly(whole);

    List<Long> stopped = new ArrayList<>();
    decoder.streamAudio(Media.of(wav), 16_000, 8000, (samples, start) -> stopped.add(start) && false);
    assertThat(stopped).containsExactly(0L);
  }

  @Test
  void oneDecodeGivesEachListenerItsOwnRateAsADecodeOfItsOwnWould() throws Exception {
    // 3 s at 48 kHz: a 440 Hz tone and a quieter 11 kHz one, which 16 kHz cannot carry and 32 kHz can
    int rate = 48_000;
    byte[] pcm = new byte[3 * rate * 2];
    for (int i = 0; i < 3 * rate; i++) {
      short v = (short) (12000 * Math.sin(2 * Math.PI * 440 * i / rate) + 6000 * Math.sin(2 * Math.PI * 11_000 * i / rate));
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    Path wav = dir.resolve("two-tones.wav");
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(rate, 16, 1, true, false), 3 * rate),
        AudioFileFormat.Type.WAVE, wav.toFile());
    List<float[]> at16 = new ArrayList<>();
    List<float[]> at32 = new ArrayList<>();
    List<Long> briefStarts = new ArrayList<>();

    decoder.streamAudio(Media.of(wav), List.of(
        new dev.tagger.spi.MediaDecoder.AudioListener(16_000, 8000, (samples, start) -> at16.add(samples)),
        new dev.tagger.spi.MediaDecoder.AudioListener(32_000, 16_000, (samples, start) -> at32.add(samples)),
        new dev.tagger.spi.MediaDecoder.AudioListener(8_000, 4000, (samples, start) -> briefStarts.add(start) && false)));

    float[] shared16 = joined(at16);
    float[] own16 = decoder.decodeAudio(Media.of(wav), 16_000).samples();
    float[] shared32 = joined(at32);
    assertThat(at16.subList(0, at16.size() - 1)).allSatisfy(p -> assertThat(p).hasSize(8000));
    assertThat(shared16.length).isCloseTo(own16.length, within(16));
    assertThat(shared32.length).isCloseTo(3 * 32_000, within(32));
    double difference = 0;
    for (int i = 0; i < Math.min(shared16.length, own16.length); i++) {
      difference += (shared16[i] - own16[i]) * (shared16[i] - own16[i]);
    }
    double rms16 = rms(shared16);
    System.out.printf("16 kHz from the shared decode: RMS %.4f, its difference from a 16 kHz decode %.5f; 32 kHz RMS %.4f%n",
        rms16, Math.sqrt(difference / shared16.length), rms(shared32));
    assertThat(Math.sqrt(difference / shared16.length)).isLessThan(0.02 * rms16);
    assertThat(rms16).as("the 11 kHz tone is filtered out: the 440 Hz one alone").isCloseTo(12000 / 32768.0 / Math.sqrt(2), within(0.01));
    assertThat(rms(shared32)).as("both tones").isCloseTo(Math.hypot(12000, 6000) / 32768.0 / Math.sqrt(2), within(0.01));
    assertThat(briefStarts).containsExactly(0L);
  }

  private static float[] joined(List<float[]> pieces) {
    float[] out = new float[pieces.stream().mapToInt(p -> p.length).sum()];
    int n = 0;
    for (float[] p : pieces) {
      System.arraycopy(p, 0, out, n, p.length);
      n += p.length;
    }
    return out;
  }

  private static double rms(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += s * s;
    }
    return Math.sqrt(sum / samples.length);
  }

  static float peak(float[] samples) {
    float max = 0;
    for (float s : samples) {
      max = Math.max(max, Math.abs(s));
    }
    return max;
  }
}
