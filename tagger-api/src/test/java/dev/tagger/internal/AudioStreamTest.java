package dev.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.AudioAnalyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's shared soundtrack: two audio analyzers at different rates hear one decode (a decoder written
 * for the test counts its decodes), each all of the track in its own pieces, in order; one that stops
 * early does not stop the other; failures are named and every pass is closed.
 */
class AudioStreamTest {
  @TempDir Path dir;

  /** A decoder of streamed sound only: no pictures, no frames, no whole-track decode. */
  abstract static class SoundOnly implements MediaDecoder {
    @Override
    public RgbImage decodeImage(Media media) {
      throw new MediaException(media.id() + ": not a picture");
    }

    @Override
    public List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy) {
      return List.of();
    }

    @Override
    public Pcm decodeAudio(Media media, int sampleRate) {
      throw new UnsupportedOperationException("streamed only");
    }
  }

  /** A 10 s ramp: sample i of a rate-r track is i / r seconds. Decodes once per call, for all listeners. */
  static final class Ramp extends SoundOnly {
    final AtomicInteger decodes = new AtomicInteger();
    final boolean silent;

    Ramp(boolean silent) {
      this.silent = silent;
    }

    @Override
    public void streamAudio(Media media, int sampleRate, int chunkSamples, dev.tagger.spi.PcmChunkHandler handler) {
      streamAudio(media, List.of(new AudioListener(sampleRate, chunkSamples, handler)));
    }

    @Override
    public void streamAudio(Media media, List<AudioListener> listeners) {
      decodes.incrementAndGet();
      if (silent) {
        throw new MediaException(media.id() + ": has no audio stream");
      }
      boolean[] open = new boolean[listeners.size()];
      java.util.Arrays.fill(open, true);
      for (int piece = 0; ; piece++) {
        boolean any = false;
        for (int k = 0; k < listeners.size(); k++) {
          AudioListener l = listeners.get(k);
          long start = (long) piece * l.chunkSamples();
          long total = 10L * l.sampleRate();
          if (!open[k] || start >= total) {
            continue;
          }
          float[] s = new float[(int) Math.min(l.chunkSamples(), total - start)];
          for (int i = 0; i < s.length; i++) {
            s[i] = (start + i) / (float) l.sampleRate();
          }
          open[k] = l.handler().accept(s, start);
          any = true;
        }
        if (!any) {
          return;
        }
      }
    }
  }

  /** Hears at its rate; reports how many samples it heard and whether they ran on without a gap. */
  static final class Listener implements AudioAnalyzer {
    final String id;
    final int rate;
    final double stopAfterSeconds;
    final int failAtPiece;
    final AtomicInteger closed = new AtomicInteger();

    Listener(String id, int rate, double stopAfterSeconds, int failAtPiece) {
      this.id = id;
      this.rate = rate;
      this.stopAfterSeconds = stopAfterSeconds;
      this.failAtPiece = failAtPiece;
    }

    @Override
    public AnalyzerInfo info() {
      return new AnalyzerInfo(id, "counter", "1", "");
    }

    @Override
    public Set<MediaKind> kinds() {
      return Set.of(MediaKind.AUDIO, MediaKind.VIDEO);
    }

    @Override
    public int sampleRate() {
      return rate;
    }

    @Override
    public int pieceSamples() {
      return rate / 2;
    }

    @Override
    public Pass start(AnalysisInput input) {
      return new Pass() {
        long heard;
        int pieces;
        boolean inOrder = true;

        @Override
        public boolean hear(float[] samples, long startSample) {
          if (pieces++ == failAtPiece) {
            throw new IllegalStateException("cannot hear piece " + failAtPiece);
          }
          inOrder &= startSample == heard && Math.abs(samples[0] - startSample / (float) rate) < 1e-3;
          heard += samples.length;
          return heard < stopAfterSeconds * rate;
        }

        @Override
        public AnalyzerOutput finish() {
          return AnalyzerOutput.of(List.of(new Detection("heard " + heard / (double) rate + " s" + (inOrder ? "" : ", out of order"), 1.0,
              Category.SOUND, new dev.tagger.Evidence(null, null, null))));
        }

        @Override
        public void close() {
          closed.incrementAndGet();
        }
      };
    }
  }

  private DecodedItem item(MediaDecoder decoder, MediaKind kind) throws Exception {
    Path file = Files.writeString(dir.resolve("talk.mp4"), "samples are made by the test decoder");
    return new DecodedItem(Media.of(file), kind, decoder, SamplingPolicy.DEFAULT, new AtomicBoolean()::get);
  }

  private static String heard(java.util.Map<AudioAnalyzer, AnalyzerOutput> out, AudioAnalyzer a) {
    return out.get(a).detections().get(0).label();
  }

  @Test
  void twoRatesHearTheWholeTrackFromOneDecodeAndOneStoppingEarlyLeavesTheOther() throws Exception {
    Ramp ramp = new Ramp(false);
    Listener speech = new Listener("speech", 16_000, Double.MAX_VALUE, -1);
    Listener sounds = new Listener("sounds", 32_000, Double.MAX_VALUE, -1);
    Listener brief = new Listener("brief", 8_000, 3, -1);

    var out = AudioStream.run(List.of(speech, sounds, brief), item(ramp, MediaKind.VIDEO));

    assertThat(ramp.decodes.get()).isEqualTo(1);
    assertThat(heard(out, speech)).isEqualTo("heard 10.0 s");
    assertThat(heard(out, sounds)).isEqualTo("heard 10.0 s");
    assertThat(heard(out, brief)).isEqualTo("heard 3.0 s");
    assertThat(List.of(speech.closed.get(), sounds.closed.get(), brief.closed.get())).containsOnly(1);
  }

  @Test
  void withTheDecodersDefaultEachListenerGetsTheSameFromADecodeOfItsOwn() throws Exception {
    Ramp ramp = new Ramp(false);
    MediaDecoder plain = new SoundOnly() { // only the one-listener stream: the interface's default fans out
      @Override
      public void streamAudio(Media media, int sampleRate, int chunkSamples, dev.tagger.spi.PcmChunkHandler handler) {
        ramp.streamAudio(media, sampleRate, chunkSamples, handler);
      }
    };
    Listener speech = new Listener("speech", 16_000, Double.MAX_VALUE, -1);
    Listener sounds = new Listener("sounds", 32_000, Double.MAX_VALUE, -1);

    var out = AudioStream.run(List.of(speech, sounds), item(plain, MediaKind.AUDIO));

    assertThat(ramp.decodes.get()).isEqualTo(2);
    assertThat(heard(out, speech)).isEqualTo("heard 10.0 s");
    assertThat(heard(out, sounds)).isEqualTo("heard 10.0 s");
  }

  @Test
  void aFailingAnalyzerIsNamedAndEveryPassIsClosed() throws Exception {
    Listener speech = new Listener("speech", 16_000, Double.MAX_VALUE, -1);
    Listener sounds = new Listener("sounds", 32_000, Double.MAX_VALUE, 4);

    assertThatThrownBy(() -> AudioStream.run(List.of(speech, sounds), item(new Ramp(false), MediaKind.VIDEO)))
        .isInstanceOf(AnalysisFailure.class).hasMessageContaining("talk.mp4").hasMessageContaining("analyzer sounds failed")
        .hasMessageContaining("cannot hear piece 4");
    assertThat(speech.closed.get()).isEqualTo(1);
    assertThat(sounds.closed.get()).isEqualTo(1);
  }

  @Test
  void aFilmWithoutSoundIsNothingToHearWhileAnAudioFileWithoutItIsADecodeFailureRemembered() throws Exception {
    Listener speech = new Listener("speech", 16_000, Double.MAX_VALUE, -1);
    Listener sounds = new Listener("sounds", 32_000, Double.MAX_VALUE, -1);

    var out = AudioStream.run(List.of(speech, sounds), item(new Ramp(true), MediaKind.VIDEO));
    assertThat(out.get(speech).detections()).isEmpty();
    assertThat(out.get(sounds).detections()).isEmpty();

    Ramp silent = new Ramp(true);
    DecodedItem audio = item(silent, MediaKind.AUDIO);
    assertThatThrownBy(() -> AudioStream.run(List.of(speech, sounds), audio)).isInstanceOf(MediaException.class)
        .hasMessageContaining("has no audio stream");
    List<String> messages = new ArrayList<>();
    try {
      audio.streamAudio(List.of(new MediaDecoder.AudioListener(16_000, 8_000, (s, t) -> true), new MediaDecoder.AudioListener(32_000, 16_000, (s, t) -> true)));
    } catch (MediaException e) {
      messages.add(e.getMessage());
    }
    assertThat(messages).singleElement().asString().contains("has no audio stream");
    assertThat(silent.decodes.get()).as("the failure is remembered, not decoded again").isEqualTo(1);
  }
}
