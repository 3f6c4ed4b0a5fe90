package dev.tagger.testkit;

import dev.tagger.Category;
import dev.tagger.Detection;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.TaggerException;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Small real analyzers and a real (pure-Java) decoder for testing the engine in tagger-api, where the
 * ONNX and FFmpeg modules are not available. None of them stands in for a model: they compute what
 * they report from the actual bytes and pixels.
 */
public final class Fixtures {
  private Fixtures() {}

  /** Decodes PNG and JPEG stills with javax.imageio, counting calls. */
  public static final class ImageIoDecoder implements MediaDecoder {
    public final AtomicInteger imageCalls = new AtomicInteger();

    @Override
    public RgbImage decodeImage(Media media) {
      imageCalls.incrementAndGet();
      try {
        BufferedImage img = ImageIO.read(media.path().toFile());
        if (img == null) {
          throw new MediaException(media.id() + ": javax.imageio cannot decode it");
        }
        byte[] rgb = new byte[img.getWidth() * img.getHeight() * 3];
        for (int y = 0, i = 0; y < img.getHeight(); y++) {
          for (int x = 0; x < img.getWidth(); x++, i += 3) {
            int p = img.getRGB(x, y);
            rgb[i] = (byte) (p >> 16);
            rgb[i + 1] = (byte) (p >> 8);
            rgb[i + 2] = (byte) p;
          }
        }
        return new RgbImage(img.getWidth(), img.getHeight(), rgb);
      } catch (IOException e) {
        throw new MediaException(media.id() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public List<VideoFrame> sampleFrames(Media media, SamplingPolicy policy) {
      throw new MediaException(media.id() + ": this test decoder reads stills only");
    }

    @Override
    public Pcm decodeAudio(Media media, int sampleRate) {
      throw new MediaException(media.id() + ": this test decoder reads stills only");
    }
  }

  /** Tags an image "bright" or "dark" by its mean luma. */
  public static final class BrightnessAnalyzer implements Analyzer {
    @Override
    public AnalyzerInfo info() {
      return new AnalyzerInfo("brightness", "mean-luma", "1", "");
    }

    @Override
    public Set<MediaKind> kinds() {
      return Set.of(MediaKind.IMAGE);
    }

    @Override
    public AnalyzerOutput analyze(AnalysisInput input) {
      byte[] px = input.image().pixels();
      double sum = 0;
      for (int i = 0; i < px.length; i += 3) {
        sum += 0.299 * (px[i] & 0xFF) + 0.587 * (px[i + 1] & 0xFF) + 0.114 * (px[i + 2] & 0xFF);
      }
      double mean = sum / (px.length / 3) / 255.0;
      return AnalyzerOutput.of(List.of(new Detection(mean >= 0.5 ? "bright" : "dark", Math.abs(mean - 0.5) * 2, Category.SCENE)));
    }
  }

  /** Tags an image by which of red, green and blue dominates. */
  public static final class DominantColourAnalyzer implements Analyzer {
    @Override
    public AnalyzerInfo info() {
      return new AnalyzerInfo("colour", "channel-sums", "1", "");
    }

    @Override
    public Set<MediaKind> kinds() {
      return Set.of(MediaKind.IMAGE);
    }

    @Override
    public AnalyzerOutput analyze(AnalysisInput input) {
      byte[] px = input.image().pixels();
      long[] sums = new long[3];
      for (int i = 0; i < px.length; i++) {
        sums[i % 3] += px[i] & 0xFF;
      }
      long total = Math.max(1, sums[0] + sums[1] + sums[2]);
      String[] names = {"red", "green", "blue"};
      int best = sums[0] >= sums[1] && sums[0] >= sums[2] ? 0 : sums[1] >= sums[2] ? 1 : 2;
      return AnalyzerOutput.of(List.of(new Detection(names[best], sums[best] / (double) total, Category.OTHER)));
    }
  }

  /**
   * Tags words of text items. The word "sleep" makes it wait (to exercise timeouts and cancellation)
   * and "explode" makes it fail (to exercise error isolation); it counts its calls.
   */
  public static final class WordAnalyzer implements Analyzer {
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public AnalyzerInfo info() {
      return new AnalyzerInfo("words", "word-counts", "1", "");
    }

    @Override
    public Set<MediaKind> kinds() {
      return Set.of(MediaKind.TEXT);
    }

    @Override
    public AnalyzerOutput analyze(AnalysisInput input) {
      calls.incrementAndGet();
      String text;
      try {
        text = Files.readString(input.media().path(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      } catch (IOException e) {
        throw new MediaException(input.media().id() + ": " + e.getMessage(), e);
      }
      if (text.contains("explode")) {
        throw new TaggerException("cannot make sense of the word 'explode'");
      }
      if (text.contains("sleep")) {
        for (int i = 0; i < 600; i++) {
          input.checkCancelled();
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            input.checkCancelled();
          }
        }
      }
      List<Detection> out = new ArrayList<>();
      String[] words = text.split("[^\\p{L}]+");
      for (String w : words) {
        if (w.length() > 3) {
          out.add(new Detection(w, 1.0 / Math.max(1, words.length), Category.KEYWORD));
        }
      }
      return AnalyzerOutput.of(out);
    }
  }
}
