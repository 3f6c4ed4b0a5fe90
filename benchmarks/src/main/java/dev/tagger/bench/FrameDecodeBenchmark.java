package dev.tagger.bench;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.spi.SamplingPolicy;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Getting one frame every 2 s out of a 60 s 1080p clip with a keyframe every 10 s or every 2 s: our sampler
 * (by interval, which takes a keyframe near a sample time, or keyframes only) against the baseline of
 * decoding every frame with a plain FFmpegFrameGrabber loop and keeping one every 2 s. Returns the number
 * of frames so the work is not optimised away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class FrameDecodeBenchmark {
  @Param({"sampler-seek-2s", "sampler-keyframes", "baseline-decode-every-frame"})
  public String method;

  @Param({"keyframe-10s", "keyframe-2s"})
  public String clipKind;

  private Path clip;
  private final FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();

  @Setup
  public void setUp() throws Exception {
    clip = clipKind.equals("keyframe-2s") ? BenchMedia.clip1080p(50) : BenchMedia.clip1080p();
  }

  @Benchmark
  public int framesEvery2s() throws Exception {
    return switch (method) {
      case "sampler-seek-2s" -> decoder.sampleFrames(Media.of(clip), new SamplingPolicy(2, 300)).size();
      case "sampler-keyframes" -> decoder.sampleFrames(Media.of(clip), SamplingPolicy.keyframes(2, 300)).size();
      default -> decodeEveryFrame();
    };
  }

  private int decodeEveryFrame() throws Exception {
    int kept = 0;
    double next = 0;
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      grabber.start();
      for (Frame f; (f = grabber.grabImage()) != null; ) {
        if (f.timestamp / 1e6 >= next) {
          kept++;
          next += 2;
        }
      }
    }
    return kept;
  }
}
