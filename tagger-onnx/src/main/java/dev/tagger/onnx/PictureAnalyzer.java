package dev.tagger.onnx;

import dev.tagger.Detection;
import dev.tagger.MediaKind;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.Picture;
import dev.tagger.spi.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A vision analyzer that looks at one picture at a time: the still, or each sampled frame in turn; a frame
 * that shows what the one before showed ({@link StaticShots}) is not looked at again.
 */
interface PictureAnalyzer extends Analyzer {
  /** What one picture shows; {@code span} is the frame's instant, null for a still. */
  List<Detection> analyzePicture(RgbImage image, @Nullable TimeSpan span);

  @Override
  default Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  default AnalyzerOutput analyze(AnalysisInput input) {
    List<Picture> pictures = input.pictures();
    int[] standIns = StaticShots.standIns(input, info().id());
    List<Detection> out = new ArrayList<>();
    List<Detection> seen = List.of();
    for (int i = 0; i < pictures.size(); i++) {
      input.checkCancelled();
      Picture p = pictures.get(i);
      if (standIns[i] == i) {
        seen = analyzePicture(p.image(), p.span());
        out.addAll(seen);
      } else {
        out.addAll(StaticShots.movedTo(seen, p.span()));
      }
    }
    return AnalyzerOutput.of(out);
  }
}
