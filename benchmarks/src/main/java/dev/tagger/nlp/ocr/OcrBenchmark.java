package dev.tagger.nlp.ocr;

import dev.tagger.bench.BenchMedia;
import dev.tagger.media.TestMedia;
import dev.tagger.spi.RgbImage;
import java.time.Duration;
import java.util.List;
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
 * OCR on a 12 MP photo with no text (horses.jpg at 4000x3000) and on a photographed sign: Tesseract
 * alone, Tesseract behind the PP-OCR detector's pre-check, PP-OCR, and both merged. The pre-check is
 * what a text-free photo costs instead of a full Tesseract reading.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class OcrBenchmark {
  @Param({"photo-12mp-no-text", "sign-parking"})
  public String picture;

  @Param({"tesseract", "tesseract+precheck", "ppocr", "merged"})
  public String engine;

  private RgbImage image;
  private PaddleOcr paddle;
  private TesseractOcr tesseract;
  private MergedOcr merged;

  @Setup
  public void setUp() {
    image = picture.equals("sign-parking") ? BenchMedia.photo("sign-parking.jpg") : TestMedia.scale(BenchMedia.photo("horses.jpg"), 4000, 3000);
    paddle = new PaddleOcr();
    tesseract = new TesseractOcr().withTimeLimit(Duration.ofMinutes(1));
    if (tesseract.unavailable().isPresent()) {
      throw new IllegalStateException(tesseract.unavailable().get());
    }
    if (engine.equals("tesseract+precheck")) {
      tesseract = tesseract.withPrecheck(paddle);
    }
    merged = new MergedOcr(tesseract, paddle, Duration.ofMinutes(1));
  }

  @TearDown
  public void tearDown() {
    paddle.close();
  }

  @Benchmark
  public List<OcrLine> read() {
    return switch (engine) {
      case "ppocr" -> paddle.read(image);
      case "merged" -> merged.read(image, System.nanoTime() + Duration.ofMinutes(1).toNanos());
      default -> tesseract.read(image);
    };
  }
}
