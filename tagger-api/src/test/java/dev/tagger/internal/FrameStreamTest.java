package dev.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.Picture;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's frame stream: a "video" of generated 1080p frames (a grey level per frame, made by a decoder
 * written for the test), two analyzers that read each frame's pixels, and what a person would check: every
 * frame seen once and in order, the decoder never far ahead (so memory stays flat), decoding on a thread of
 * its own, and failures and cancels that end both sides.
 */
class FrameStreamTest {
  @TempDir Path dir;

  /** Frame i is 1920x1080 of grey level i % 256, at i * 2 s; it can fail after a given frame. */
  static final class GreyVideo implements MediaDecoder {
    final int frames;
    final int failAfter;
    final AtomicInteger decoded = new AtomicInteger();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile String thread;

    GreyVideo(int frames, int failAfter) {
      this.frames = frames;
      this.failAfter = failAfter;
    }

    @Override
    public RgbImage decodeImage(Media media) {
      throw new MediaException(media.id() + ": a video");
    }

    @Override
    public List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy) {
      List<VideoFrame> all = new ArrayList<>();
      streamFrames(media, policy, all::add);
      return all;
    }

    @Override
    public void streamFrames(Media media, SamplingPolicy policy, FrameHandler handler) {
      thread = Thread.currentThread().getName();
      try {
        for (int i = 0; i < frames; i++) {
          if (i == failAfter) {
            throw new MediaException(media.id() + ": corrupt packet after frame " + i);
          }
          byte[] px = new byte[1920 * 1080 * 3];
          Arrays.fill(px, (byte) (i % 256));
          decoded.incrementAndGet();
          if (!handler.accept(new VideoFrame(i * 2.0, new RgbImage(1920, 1080, px)))) {
            return;
          }
        }
      } finally {
        ended.countDown();
      }
    }

    @Override
    public dev.tagger.spi.Pcm decodeAudio(Media media, int sampleRate) {
      throw new MediaException(media.id() + ": no audio");
    }
  }

  /** Reports each frame's grey level; notes how far the decoder ran ahead of it. */
  static class GreyLevel implements FrameAnalyzer {
    final String id;
    final GreyVideo video;
    final int failAt;
    int mostAhead;
    final List<String> threads = new ArrayList<>();

    GreyLevel(String id, GreyVideo video, int failAt) {
      this.id = id;
      this.video = video;
      this.failAt = failAt;
    }

    @Override
    public AnalyzerInfo info() {
      return new AnalyzerInfo(id, "grey-level", "1", "");
    }

    @Override
    public Set<MediaKind> kinds() {
      return Set.of(MediaKind.VIDEO);
    }

    @Override
    public Pass start(AnalysisInput input) {
      List<Detection> out = new ArrayList<>();
      return new Pass() {
        int seen;

        @Override
        public void look(Picture p) {
          if (seen == failAt) {
            throw new IllegalStateException("cannot read frame " + seen);
          }
          threads.add(Thread.currentThread().getName());
          mostAhead = Math.max(mostAhead, video.decoded.get() - (seen + 1));
          seen++;
          out.add(new Detection("grey " + (p.image().pixels()[0] & 0xFF), 1.0, Category.OTHER, Evidence.at(p.span())));
        }

        @Override
        public AnalyzerOutput finish() {
          return AnalyzerOutput.of(out);
        }
      };
    }
  }

  private DecodedItem item(GreyVideo video, AtomicBoolean cancelled) throws Exception {
    Path file = Files.writeString(dir.resolve("clip.mp4"), "frames are made by the test decoder");
    return new DecodedItem(Media.of(file), MediaKind.VIDEO, video, SamplingPolicy.DEFAULT, cancelled::get);
  }

  @Test
  void everyFrameReachesEveryAnalyzerInOrderWhileTheDecoderStaysAFewFramesAhead() throws Exception {
    GreyVideo video = new GreyVideo(120, -1); // 120 frames of 6 MB: 746 MB if they were held at once
    GreyLevel a = new GreyLevel("a", video, -1);
    GreyLevel b = new GreyLevel("b", video, -1);
    DecodedItem item = item(video, new AtomicBoolean());

    var out = FrameStream.run(List.of(a, b), item);

    for (GreyLevel g : List.of(a, b)) {
      List<Detection> d = out.get(g).detections();
      assertThat(d).hasSize(120);
      assertThat(d.get(7).label()).isEqualTo("grey 7");
      assertThat(d.get(7).evidence().span().startSeconds()).isEqualTo(14.0);
      assertThat(g.mostAhead).isLessThanOrEqualTo(FrameStream.AHEAD + 2);
      assertThat(g.threads).containsOnly(Thread.currentThread().getName());
    }
    assertThat(video.thread).isNotEqualTo(Thread.currentThread().getName());
    assertThat(item.frameTimes()).hasSize(120).startsWith(0.0, 2.0, 4.0);
    assertThat(video.ended.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aDecodeFailureMidwayFailsTheItemAndIsRememberedForOtherAnalyzers() throws Exception {
    GreyVideo video = new GreyVideo(50, 10);
    DecodedItem item = item(video, new AtomicBoolean());

    assertThatThrownBy(() -> FrameStream.run(List.of(new GreyLevel("a", video, -1)), item))
        .isInstanceOf(MediaException.class).hasMessageContaining("clip.mp4").hasMessageContaining("corrupt packet after frame 10");
    assertThatThrownBy(item::frames).isInstanceOf(MediaException.class).hasMessageContaining("corrupt packet");
    assertThat(video.decoded.get()).isEqualTo(10); // not decoded again for the second ask
  }

  @Test
  void anAnalyzerFailureNamesItAndStopsTheDecoder() throws Exception {
    GreyVideo video = new GreyVideo(1000, -1);
    DecodedItem item = item(video, new AtomicBoolean());

    assertThatThrownBy(() -> FrameStream.run(List.of(new GreyLevel("a", video, -1), new GreyLevel("b", video, 5)), item))
        .isInstanceOf(AnalysisFailure.class).hasMessageContaining("analyzer b failed").hasMessageContaining("cannot read frame 5");
    assertThat(video.ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(video.decoded.get()).isLessThan(5 + FrameStream.AHEAD + 3);
  }

  @Test
  void aCancelEndsTheItemAndTheDecoder() throws Exception {
    GreyVideo video = new GreyVideo(1000, -1);
    AtomicBoolean cancelled = new AtomicBoolean();
    DecodedItem item = item(video, cancelled);
    GreyLevel cancelling = new GreyLevel("a", video, -1) {
      @Override
      public Pass start(AnalysisInput input) {
        Pass inner = super.start(input);
        return new Pass() {
          int n;

          @Override
          public void look(Picture p) {
            inner.look(p);
            if (++n == 3) {
              cancelled.set(true); // as a timeout does
            }
          }

          @Override
          public AnalyzerOutput finish() {
            return inner.finish();
          }
        };
      }
    };

    assertThatThrownBy(() -> FrameStream.run(List.of(cancelling), item)).isInstanceOf(CancellationException.class);
    assertThat(video.ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(video.decoded.get()).isLessThan(3 + FrameStream.AHEAD + 3);
  }
}
