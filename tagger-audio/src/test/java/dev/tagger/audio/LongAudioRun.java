package dev.tagger.audio;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.TextItem;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.model.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link LongAudioTest} with a small heap: transcribes one long file and prints
 * what it heard and how much memory the process used at most.
 */
public final class LongAudioRun {
  private LongAudioRun() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    try (VoskModel model = VoskModel.englishSmall(ModelStore.fromEnvironment())) {
      Tagger tagger = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT)).build();
      TagResult r = tagger.tag(Media.of(Path.of(args[0])));
      if (r.error() != null) {
        System.out.println("error=" + r.error().message());
        System.exit(1);
      }
      long heard = r.texts().stream().map(TextItem::text).filter(t -> t.contains("front left")).count();
      for (TextItem t : r.texts()) {
        System.out.printf("heard %.2f %s%n", t.span().startSeconds(), t.text());
      }
      System.out.printf("utterances=%d frontLeft=%d seconds=%.1f peakRssMb=%d maxHeapMb=%d%n", r.texts().size(), heard,
          (System.nanoTime() - start) / 1e9, peakRssKb() / 1024, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  static long peakRssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
