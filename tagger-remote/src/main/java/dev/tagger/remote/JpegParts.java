package dev.tagger.remote;

import dev.tagger.spi.RgbImage;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures as a remote model gets them: reduced (box average, then bilinear) to a longer side, as JPEG data URLs. */
final class JpegParts {
  private JpegParts() {}

  /** The picture with its longer side at most {@code side}, averaged over blocks first so a large photo is not aliased. */
  static RgbImage reduced(RgbImage image, int side) {
    int longer = Math.max(image.width(), image.height());
    if (longer <= side) {
      return image;
    }
    int f = longer / side;
    RgbImage boxed = f >= 2 ? boxAverage(image, f) : image;
    double scale = side / (double) Math.max(boxed.width(), boxed.height());
    int w = Math.max(1, (int) Math.round(boxed.width() * scale));
    int h = Math.max(1, (int) Math.round(boxed.height() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(buffered(boxed), 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return rgb(out);
  }

  private static RgbImage boxAverage(RgbImage in, int f) {
    int w = in.width() / f;
    int h = in.height() / f;
    byte[] src = in.pixels();
    byte[] dst = new byte[w * h * 3];
    int n = f * f;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0, g = 0, b = 0;
        for (int dy = 0; dy < f; dy++) {
          int row = ((y * f + dy) * in.width() + x * f) * 3;
          for (int dx = 0; dx < f; dx++) {
            int i = row + dx * 3;
            r += src[i] & 0xff;
            g += src[i + 1] & 0xff;
            b += src[i + 2] & 0xff;
          }
        }
        int o = (y * w + x) * 3;
        dst[o] = (byte) (r / n);
        dst[o + 1] = (byte) (g / n);
        dst[o + 2] = (byte) (b / n);
      }
    }
    return new RgbImage(w, h, dst);
  }

  private static BufferedImage buffered(RgbImage in) {
    int[] argb = new int[in.width() * in.height()];
    byte[] p = in.pixels();
    for (int i = 0; i < argb.length; i++) {
      argb[i] = (p[3 * i] & 0xff) << 16 | (p[3 * i + 1] & 0xff) << 8 | (p[3 * i + 2] & 0xff);
    }
    BufferedImage img = new BufferedImage(in.width(), in.height(), BufferedImage.TYPE_INT_RGB);
    img.getRaster().setDataElements(0, 0, in.width(), in.height(), argb);
    return img;
  }

  private static RgbImage rgb(BufferedImage img) {
    int[] argb = (int[]) img.getRaster().getDataElements(0, 0, img.getWidth(), img.getHeight(), null);
    byte[] out = new byte[argb.length * 3];
    for (int i = 0; i < argb.length; i++) {
      out[3 * i] = (byte) (argb[i] >> 16);
      out[3 * i + 1] = (byte) (argb[i] >> 8);
      out[3 * i + 2] = (byte) argb[i];
    }
    return new RgbImage(img.getWidth(), img.getHeight(), out);
  }

  /** The picture as a {@code data:image/jpeg;base64,...} URL at quality 0.85. */
  static String dataUrl(RgbImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(buffered(image), null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a picture as JPEG", e);
    } finally {
      writer.dispose();
    }
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
