package dev.tagger.cli.eval;

import dev.tagger.Media;
import dev.tagger.feedback.TaughtTag;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.onnx.ImageEmbedder;
import dev.tagger.spi.RgbImage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well tags taught from a few examples do on dev-set items not used for teaching: for each concept, the
 * first {@code k} items whose labels accept it are the examples, {@value #NEGATIVES} items spread over the
 * rest without it are the library's negatives, and every other item is judged: a taught tag is applied at
 * the policy's threshold. The labels list what a person accepts, not everything in the picture, so
 * precision is a lower bound.
 */
public final class TeachingEval {
  static final int NEGATIVES = 40;

  private TeachingEval() {}

  public static void run(DevSet set, ImageEmbedder embedder, List<String> concepts, List<Integer> counts, double threshold, PrintStream out) {
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder(1);
    List<DevSet.Item> items = set.items();
    List<RgbImage> images = new ArrayList<>();
    for (DevSet.Item i : items) {
      images.add(decoder.decodeImage(Media.of(set.media().resolve(i.id()))));
    }
    List<float[]> vectors = embedder.embed(images);
    out.printf(Locale.ROOT, "%n== taught tags: %d dev-set items, applied at %.2f ==%n", items.size(), threshold);
    out.println("tag            examples  test+  test-  applied  precision  recall");
    for (int k : counts) {
      double sumP = 0;
      double sumR = 0;
      for (String concept : concepts) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          (items.get(i).accepts(concept) ? pos : neg).add(i);
        }
        List<Integer> trainPos = pos.subList(0, Math.min(k, pos.size()));
        List<Integer> trainNeg = new ArrayList<>();
        int step = Math.max(1, neg.size() / NEGATIVES);
        for (int j = 0; j < neg.size() && trainNeg.size() < NEGATIVES; j += step) {
          trainNeg.add(neg.get(j));
        }
        TaughtTag t = TaughtTag.fit(concept, trainPos.stream().map(vectors::get).toList(), trainNeg.stream().map(vectors::get).toList(),
            trainPos.stream().map(i -> items.get(i).id()).toList(), embedder.model());
        int tp = 0;
        int applied = 0;
        int testPos = 0;
        int testNeg = 0;
        for (int i = 0; i < items.size(); i++) {
          if (trainPos.contains(i) || trainNeg.contains(i)) {
            continue;
          }
          boolean truth = items.get(i).accepts(concept);
          boolean hit = t.score(vectors.get(i)) >= threshold;
          testPos += truth ? 1 : 0;
          testNeg += truth ? 0 : 1;
          applied += hit ? 1 : 0;
          tp += hit && truth ? 1 : 0;
        }
        double p = applied == 0 ? 1.0 : tp / (double) applied;
        double r = testPos == 0 ? 0 : tp / (double) testPos;
        sumP += p;
        sumR += r;
        out.printf(Locale.ROOT, "%-14s %8d %6d %6d %8d %10.3f %7.3f%n", concept, trainPos.size(), testPos, testNeg, applied, p, r);
      }
      out.printf(Locale.ROOT, "%-14s %8d %6s %6s %8s %10.3f %7.3f%n", "mean", k, "", "", "", sumP / concepts.size(), sumR / concepts.size());
    }
  }
}
