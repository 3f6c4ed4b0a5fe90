package dev.tagger.bench;

import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.FaceAnalyzer;
import dev.tagger.onnx.FaceOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.onnx.VisionVocabulary;
import dev.tagger.spi.SamplingPolicy;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole journey for a 60 s 1080p clip at one frame per 2 s (30 frames): decode by seeking, then the
 * classifier, the detector and the face analyzer, aggregation and the vision vocabulary. One item, so
 * one core does the work (one intra-op thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class EndToEndBenchmark {
  private ImageClassifier classifier;
  private ObjectDetector detector;
  private FaceAnalyzer faces;
  private Tagger tagger;
  private Path clip;

  @Setup
  public void setUp() throws Exception {
    clip = BenchMedia.clip1080p();
    classifier = ImageClassifier.imageNet(BenchMedia.store(), ClassifierOptions.IMAGENET);
    detector = ObjectDetector.yoloxNano(BenchMedia.store(), DetectorOptions.YOLOX_NANO);
    faces = FaceAnalyzer.open(BenchMedia.store(), FaceOptions.DEFAULT);
    tagger = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(classifier).analyzer(detector).analyzer(faces)
        .rules(VisionVocabulary.defaults()).sampling(new SamplingPolicy(2, 300)).parallelism(1).build();
  }

  @TearDown
  public void tearDown() {
    classifier.close();
    detector.close();
    faces.close();
  }

  @Benchmark
  public TagResult tagClip() {
    return BenchMedia.tagOrFail(tagger, clip);
  }
}
