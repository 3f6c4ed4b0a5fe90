package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.FaceAnalyzer;
import dev.tagger.onnx.FaceOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.onnx.VisionVocabulary;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Run in its own JVM by {@link NativeMemoryTest} with a fixed, pre-touched heap: tags N items (photos
 * and short videos) in batches with every vision analyzer and prints the process's resident memory
 * after each batch. Args: models-dir sample-media-dir work-dir items batch.
 */
public final class NativeMemoryRun {
  public static void main(String[] args) throws Exception {
    Path models = Path.of(args[0]);
    Path samples = Path.of(args[1]);
    Path work = Files.createDirectories(Path.of(args[2]));
    int items = Integer.parseInt(args[3]);
    int batch = Integer.parseInt(args[4]);
    List<Path> files = new ArrayList<>();
    for (String name : List.of("cat-chelsea.png", "dog-bicycle.jpg", "astronaut-portrait.png", "group-outdoors.jpg")) {
      BufferedImage src = ImageIO.read(samples.resolve(name).toFile());
      BufferedImage small = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = small.createGraphics();
      g.drawImage(src, 0, 0, 320, 240, null);
      g.dispose();
      Path out = work.resolve(name.replaceAll("\\.\\w+$", ".png"));
      ImageIO.write(small, "png", out.toFile());
      files.add(out);
    }
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    files.add(TestMedia.video(work.resolve("clip.mp4"), 320, 240, 10, List.of(
        new TestMedia.Shot(decoder.decodeImage(Media.of(files.get(0))), 2),
        new TestMedia.Shot(decoder.decodeImage(Media.of(files.get(2))), 2))));
    ModelStore store = new ModelStore(models, true);
    try (ImageClassifier classifier = ImageClassifier.imageNet(store, ClassifierOptions.IMAGENET);
        ObjectDetector objects = ObjectDetector.yoloxNano(store, DetectorOptions.YOLOX_NANO);
        FaceAnalyzer faces = FaceAnalyzer.open(store, FaceOptions.DEFAULT)) {
      Tagger tagger = Tagger.builder().decoder(decoder).analyzer(classifier).analyzer(objects).analyzer(faces)
          .rules(VisionVocabulary.defaults()).parallelism(2).build();
      int failed = 0;
      for (int done = 0; done < items; ) {
        List<Media> next = new ArrayList<>();
        for (int i = 0; i < batch && done + i < items; i++) {
          next.add(Media.of(files.get((done + i) % files.size())));
        }
        failed += tagger.tagAll(next).failed();
        done += next.size();
        System.out.println("rss-kb " + done + " " + residentKb() + " failed " + failed);
      }
    }
  }

  static long residentKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
