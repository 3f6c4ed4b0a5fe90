package dev.tagger.onnx;

import dev.tagger.Detection;
import dev.tagger.MediaKind;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.Picture;
import dev.tagger.spi.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A vision analyzer that looks at one picture at a time: the still, or each sampled frame in turn as the
 * engine decodes it; a frame that shows what the last one looked at showed ({@link StaticShots}) is not
 * looked at again.
 */
interface PictureAnalyzer extends FrameAnalyzer {
  /** What one picture shows; {@code span} is the frame's instant, null for a still. */
  List<Detection> analyzePicture(RgbImage image, @Nullable TimeSpan span);

  @Override
  default Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  default Pass start(AnalysisInput input) {
    StaticShots.Tracker shots = new StaticShots.Tracker(input, info().id());
    List<Detection> out = new ArrayList<>();
    return new Pass() {
      private List<Detection> seen = List.of();

      @Override
      public void look(Picture p) {
        if (shots.reuse(p)) {
          out.addAll(StaticShots.movedTo(seen, p.span()));
        } else {
          seen = analyzePicture(p.image(), p.span());
          out.addAll(seen);
        }
      }

      @Override
      public AnalyzerOutput finish() {
        shots.report();
        return AnalyzerOutput.of(out);
      }
    };
  }
}
