package dev.tagger.bench;

import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.nlp.ocr.MergedOcr;
import dev.tagger.nlp.ocr.PaddleOcr;
import dev.tagger.nlp.ocr.TesseractOcr;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.FaceAnalyzer;
import dev.tagger.onnx.FaceOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.policy.TagPolicy;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * What OCR in the default set costs, on one core: a 12 MP JPEG without text (horses.jpg scaled to
 * 4000x3000) and one with a sign (sign-parking.jpg scaled the same way), and the 60 s 1080p clip of the
 * end-to-end benchmark, each through the default vision analyzers and the default policy, with and without
 * both OCR engines merged behind the pre-check. Photos per CPU-hour are 3,600,000 / ms per photo.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(1)
public class PhotoRateBenchmark {
  @Param({"photo-12mp-no-text", "photo-12mp-sign", "video-1080p-60s"})
  public String item;

  @Param({"without-ocr", "with-ocr"})
  public String ocr;

  private ImageClassifier classifier;
  private ObjectDetector detector;
  private FaceAnalyzer faces;
  private PaddleOcr paddle;
  private Tagger tagger;
  private Path file;

  @Setup
  public void setUp() throws IOException {
    file = switch (item) {
      case "photo-12mp-no-text" -> jpeg12mp("horses.jpg");
      case "photo-12mp-sign" -> jpeg12mp("sign-parking.jpg");
      default -> BenchMedia.clip1080p();
    };
    classifier = ImageClassifier.imageNet(BenchMedia.store(), ClassifierOptions.IMAGENET);
    detector = ObjectDetector.yoloxNano(BenchMedia.store(), DetectorOptions.YOLOX_NANO);
    faces = FaceAnalyzer.open(BenchMedia.store(), FaceOptions.DEFAULT);
    Tagger.Builder b = Tagger.builder().decoder(new FfmpegMediaDecoder(1)).analyzer(classifier).analyzer(detector)
        .analyzer(faces).policy(TagPolicy.defaults()).sampling(new SamplingPolicy(2, 300)).parallelism(1);
    if (ocr.equals("with-ocr")) {
      TesseractOcr tesseract = new TesseractOcr().withTimeLimit(Duration.ofMinutes(1));
      if (tesseract.unavailable().isPresent()) {
        throw new IllegalStateException(tesseract.unavailable().get());
      }
      paddle = new PaddleOcr(2048, 0.7, 1, Duration.ofMinutes(1));
      b.analyzer(new MergedOcr(tesseract, paddle, Duration.ofMinutes(1)));
    }
    tagger = b.build();
  }

  /** The sample photo scaled to 4000x3000 and written as a JPEG (quality 0.9), once, in the temp folder. */
  static Path jpeg12mp(String name) throws IOException {
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "tagger-bench", name.replaceAll("\\.[a-z]+$", "") + "-12mp.jpg");
    if (Files.exists(out)) {
      return out;
    }
    Files.createDirectories(out.getParent());
    RgbImage big = TestMedia.scale(BenchMedia.photo(name), 4000, 3000);
    BufferedImage img = new BufferedImage(big.width(), big.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] px = big.pixels();
    for (int i = 0, n = big.width() * big.height(); i < n; i++) {
      img.setRGB(i % big.width(), i / big.width(), (px[3 * i] & 0xFF) << 16 | (px[3 * i + 1] & 0xFF) << 8 | (px[3 * i + 2] & 0xFF));
    }
    Path tmp = out.resolveSibling(out.getFileName() + "." + ProcessHandle.current().pid());
    ImageIO.write(img, "jpg", tmp.toFile());
    Files.move(tmp, out);
    return out;
  }

  @TearDown
  public void tearDown() {
    classifier.close();
    detector.close();
    faces.close();
    if (paddle != null) {
      paddle.close();
    }
  }

  @Benchmark
  public TagResult tag() {
    return BenchMedia.tagOrFail(tagger, file);
  }
}
