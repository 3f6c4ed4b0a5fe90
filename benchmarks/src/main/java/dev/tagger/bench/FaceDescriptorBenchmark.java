package dev.tagger.bench;

import dev.tagger.Tagger;
import dev.tagger.TagResult;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.FaceAnalyzer;
import dev.tagger.onnx.FaceOptions;
import dev.tagger.onnx.PeopleAnalyzer;
import dev.tagger.onnx.runtime.OnnxOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a face's identity costs: a one-face portrait through the faces analyzer (detection only, the
 * baseline) and through the people analyzer (detection, alignment and dlib's descriptor), one thread. The
 * difference is the descriptor's cost per face.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class FaceDescriptorBenchmark {
  @Param({"faces", "people"})
  public String analyzer;

  private AutoCloseable opened;
  private Tagger tagger;
  private Path file;

  @Setup
  public void setUp() {
    file = BenchMedia.samples().resolve("astronaut-portrait.png");
    Tagger.Builder b = Tagger.builder().decoder(new FfmpegMediaDecoder(1)).parallelism(1);
    if (analyzer.equals("people")) {
      PeopleAnalyzer people = PeopleAnalyzer.open(BenchMedia.store(), FaceOptions.DEFAULT, new OnnxOptions(1));
      opened = people;
      b.analyzer(people);
    } else {
      FaceAnalyzer faces = FaceAnalyzer.withoutEmotions(BenchMedia.store(), FaceOptions.DEFAULT.withOnnx(new OnnxOptions(1)));
      opened = faces;
      b.analyzer(faces);
    }
    tagger = b.build();
  }

  @TearDown
  public void tearDown() throws Exception {
    opened.close();
  }

  @Benchmark
  public TagResult tag() {
    return BenchMedia.tagOrFail(tagger, file);
  }
}
