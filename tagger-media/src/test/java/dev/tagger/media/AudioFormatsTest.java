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

  static float peak(float[] samples) {
    float max = 0;
    for (float s : samples) {
      max = Math.max(max, Math.abs(s));
    }
    return max;
  }
}
