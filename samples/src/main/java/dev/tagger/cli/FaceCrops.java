package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.people.Face;
import dev.tagger.spi.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A face cut out of its photo (its box, with a margin) as a PNG, for a person to see who a cluster is. */
final class FaceCrops {
  private FaceCrops() {}

  static void write(FfmpegMediaDecoder decoder, Face face, Path out) throws IOException {
    RgbImage img = decoder.decodeImage(Media.of(Path.of(face.path())));
    double m = 0.25 * Math.max(face.box().width(), face.box().height());
    int x0 = (int) Math.max(0, face.box().x() - m);
    int y0 = (int) Math.max(0, face.box().y() - m);
    int x1 = (int) Math.min(img.width(), face.box().x() + face.box().width() + m);
    int y1 = (int) Math.min(img.height(), face.box().y() + face.box().height() + m);
    BufferedImage crop = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), BufferedImage.TYPE_INT_RGB);
    byte[] px = img.pixels();
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = (y * img.width() + x) * 3;
        crop.setRGB(x - x0, y - y0, (px[i] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | (px[i + 2] & 0xFF));
      }
    }
    ImageIO.write(crop, "png", out.toFile());
  }
}
