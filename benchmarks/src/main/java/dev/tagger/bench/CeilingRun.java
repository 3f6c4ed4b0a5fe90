package dev.tagger.bench;

import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.TextItem;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.nlp.ocr.MergedOcr;
import dev.tagger.nlp.ocr.PaddleOcr;
import dev.tagger.nlp.ocr.TesseractOcr;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.FaceAnalyzer;
import dev.tagger.onnx.FaceOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.Pcm;
import dev.tagger.spi.PcmChunkHandler;
import dev.tagger.spi.RgbImage;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.VideoFrame;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Our CPU per item against the cost of decoding it and of the models, all measured in one run on the same
 * inputs ({@link CeilingInputs}), printed as ratios. "Ours" is {@code bin/tagger tag} as a user runs it
 * (default analyzers, no cache, analysis in its own JVM: {@code --workers 0}): the CPU a run on three copies
 * of the inputs takes beyond a run on one copy, halved, so start-up, model loading and the JIT's first
 * compiles are left out, as they are in a long batch (the median of three such pairs). The rest runs in
 * this JVM on one decoding thread: FFmpeg decoding every frame (no colour conversion), FFmpeg decoding
 * the keyframes only, and each model on the frames our sampler takes (one every 2 s). The ceiling is
 * keyframes plus the three vision models, as issue 14 defines it; OCR's model time is shown beside it.
 * Linux only (a child's CPU is read from /proc). Usage: {@code benchmarks/ceiling.sh [OUT.json]}.
 */
public final class CeilingRun {
  static final int EXTRA_COPIES = 2;
  static final int ROUNDS = 3;
  private final Path tagger;
  private final Path note;
  private final double ticks;
  /** What each round of the last {@link #marginal} gave, per copy of its files. */
  private List<Double> lastRounds = List.of();

  private CeilingRun(Path tagger, Path note, double ticks) {
    this.tagger = tagger;
    this.note = note;
    this.ticks = ticks;
  }

  public static void main(String[] args) throws Exception {
    Path root = BenchMedia.samples().getParent().getParent();
    Path note = CeilingInputs.dir().resolve("ceiling-note.txt");
    Files.writeString(note, "A short note, tagged in every run so that each run has one item besides the one measured.\n");
    CeilingRun run = new CeilingRun(root.resolve("bin/tagger"), note, clockTicks());
    Map<String, Object> results = new LinkedHashMap<>();
    System.out.println("generating inputs (once; kept in " + CeilingInputs.dir() + ") ...");
    Path key2 = CeilingInputs.noisyClip(2);
    Path key10 = CeilingInputs.noisyClip(10);
    List<Path> photos = CeilingInputs.photos12mp();
    Path speech = CeilingInputs.speech();
    System.out.printf(Locale.ROOT, "start-up and one note: %.2f s CPU%n", run.cli(List.of()));
    List<Path> clips = new ArrayList<>(List.of(key2, key10));
    CeilingInputs.cameraClip(2).ifPresent(clips::add); // as cameras write H.264: High profile, B-frames (when ffmpeg has x264)
    CeilingInputs.cameraClip(10).ifPresent(clips::add);
    try (Models models = new Models()) {
      for (Path clip : clips) {
        results.put(clip.getFileName().toString(), run.video(clip, models));
      }
      results.put("photos-12mp", run.photos(photos, models));
    }
    results.put("speech", run.speech(speech));
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
    Path out = args.length > 0 ? Path.of(args[0]) : null;
    if (out != null) {
      Files.writeString(out, json + "\n");
      System.out.println("written " + out);
    }
  }

  private Map<String, Object> video(Path clip, Models models) throws Exception {
    double seconds;
    try (FFmpegFrameGrabber g = grabber(clip)) {
      seconds = g.getLengthInTime() / 1e6;
    }
    double ours = marginal(List.of(clip));
    List<Double> rounds = lastRounds;
    double full = cpu(() -> decodeAll(clip, false));
    double keyframes = cpu(() -> decodeAll(clip, true));
    List<VideoFrame> frames = new FfmpegMediaDecoder(1).sampleFrames(Media.of(clip), new SamplingPolicy(2, 300));
    Map<String, Double> modelTimes = models.time(new Input(Media.of(clip), MediaKind.VIDEO, null, frames));
    double vision = modelTimes.get("classifier") + modelTimes.get("objects") + modelTimes.get("faces");
    double ceiling = keyframes + vision;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("seconds", seconds);
    r.put("samples", frames.size());
    r.put("ours_cpu_s", ours);
    r.put("ours_cpu_s_rounds", rounds);
    r.put("ffmpeg_full_decode_cpu_s", full);
    r.put("ffmpeg_keyframes_cpu_s", keyframes);
    r.put("model_cpu_s", modelTimes);
    r.put("ceiling_cpu_s", ceiling);
    r.put("share_of_ceiling", ceiling / ours);
    r.put("ours_over_full_decode", ours / full);
    r.put("video_hours_per_cpu_hour", seconds / ours);
    r.put("ceiling_video_hours_per_cpu_hour", seconds / ceiling);
    System.out.printf(Locale.ROOT, "%s (%.0f s, %d samples): ours %.2f s CPU = %.1f h of video per CPU-hour | FFmpeg full decode %.2f s,"
            + " keyframes %.2f s | models %s | ceiling %.2f s (%.1f h/CPU-h) | ceiling/ours %.2f, ours/full decode %.2f%n",
        clip.getFileName(), seconds, frames.size(), ours, seconds / ours, full, keyframes, format(modelTimes), ceiling, seconds / ceiling,
        ceiling / ours, ours / full);
    return r;
  }

  private Map<String, Object> photos(List<Path> photos, Models models) throws Exception {
    double ours = marginal(photos) / photos.size();
    List<Double> rounds = lastRounds.stream().map(c -> c / photos.size()).toList();
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder(1);
    List<RgbImage> decoded = new ArrayList<>();
    double decode = cpu(() -> photos.forEach(p -> decoded.add(decoder.decodeImage(Media.of(p))))) / photos.size();
    Map<String, Double> modelTimes = new LinkedHashMap<>();
    for (RgbImage img : decoded) {
      models.time(new Input(Media.of(photos.get(0)), MediaKind.IMAGE, img, List.of()))
          .forEach((k, v) -> modelTimes.merge(k, v / photos.size(), Double::sum));
    }
    double vision = modelTimes.get("classifier") + modelTimes.get("objects") + modelTimes.get("faces");
    double ceiling = decode + vision;
    double[] overhead = models.overhead(photos);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("photos", photos.size());
    r.put("engine_cpu_s_per_photo", overhead[0]);
    r.put("parts_cpu_s_per_photo", overhead[1]);
    r.put("sdk_overhead_share", (overhead[0] - overhead[1]) / overhead[0]);
    r.put("ours_cpu_s_per_photo", ours);
    r.put("ours_cpu_s_per_photo_rounds", rounds);
    r.put("full_decode_cpu_s_per_photo", decode);
    r.put("model_cpu_s_per_photo", modelTimes);
    r.put("ceiling_cpu_s_per_photo", ceiling);
    r.put("share_of_ceiling", ceiling / ours);
    r.put("photos_per_cpu_hour", 3600 / ours);
    System.out.printf(Locale.ROOT, "12 MP JPEGs (%d): ours %.0f ms CPU each = %.0f photos per CPU-hour | full-size decode %.0f ms | models %s"
            + " | ceiling %.0f ms (%.0f photos/CPU-h) | ceiling/ours %.2f%n",
        photos.size(), ours * 1000, 3600 / ours, decode * 1000, format(modelTimes), ceiling * 1000, 3600 / ceiling, ceiling / ours);
    System.out.printf(Locale.ROOT, "SDK overhead on the same photos in this JVM: a Tagger (the four models, vocabulary, default policy,"
            + " result store, JSON Lines sink) %.0f ms a photo against its parts (decode at the same scale + models) %.0f ms: %.1f%%%n",
        overhead[0] * 1000, overhead[1] * 1000, 100 * (overhead[0] - overhead[1]) / overhead[0]);
    return r;
  }

  private Map<String, Object> speech(Path wav) throws Exception {
    double seconds = new FfmpegMediaDecoder(1).decodeAudio(Media.of(wav), 16_000).seconds();
    double ours = marginal(List.of(wav));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("seconds", seconds);
    r.put("ours_cpu_s", ours);
    r.put("ours_cpu_s_rounds", lastRounds);
    r.put("real_time_factor_per_core", seconds / ours);
    System.out.printf(Locale.ROOT, "speech with silence and noise (%.0f s): ours %.2f s CPU = %.1f times real time per core%n", seconds, ours,
        seconds / ours);
    return r;
  }

  /**
   * The CPU one more copy of the files costs: a run on the files and {@value #EXTRA_COPIES} more copies of
   * each (hard links under other names; nothing is cached) less a run on the files alone, per copy; the
   * median of {@value #ROUNDS} such pairs (this machine's runs of the same work differ by up to a factor of
   * two), each pair's figure kept in {@link #lastRounds}.
   */
  private double marginal(List<Path> files) throws IOException, InterruptedException {
    Path copies = Files.createTempDirectory(CeilingInputs.dir(), "copies");
    List<Path> twice = new ArrayList<>(files);
    for (int c = 1; c <= EXTRA_COPIES; c++) {
      for (Path f : files) {
        twice.add(Files.createLink(copies.resolve("copy" + c + "-" + f.getFileName()), f));
      }
    }
    try {
      List<Double> rounds = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        rounds.add((cli(twice) - cli(files)) / EXTRA_COPIES);
      }
      lastRounds = List.copyOf(rounds);
      List<Double> sorted = new ArrayList<>(rounds);
      sorted.sort(null);
      return sorted.get(ROUNDS / 2);
    } finally {
      for (Path c : twice.subList(files.size(), twice.size())) {
        Files.delete(c);
      }
      Files.delete(copies);
    }
  }

  /** CPU seconds of {@code bin/tagger tag} on the note and the given files; fails when an item fails. */
  private double cli(List<Path> files) throws IOException, InterruptedException {
    Path out = Files.createTempFile("ceiling", ".jsonl");
    List<String> command = new ArrayList<>(List.of(tagger.toString(), "tag", "--workers", "0", "--no-cache", "--out", out.toString(),
        note.toString()));
    files.forEach(f -> command.add(f.toString()));
    double before = childrenCpu();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("bin/tagger failed (exit " + p.exitValue() + "): " + Files.readString(out));
    }
    double used = childrenCpu() - before;
    List<String> lines = Files.readAllLines(out);
    Files.delete(out);
    if (lines.size() != files.size() + 1 || lines.stream().anyMatch(l -> !l.contains("\"error\":null"))) {
      throw new IllegalStateException("bin/tagger did not tag every item: " + lines);
    }
    return used;
  }

  /** User and system CPU of this JVM's finished children, from /proc/self/stat (cutime and cstime). */
  private double childrenCpu() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / ticks; // fields 16 and 17, counted from the state (field 3)
  }

  private static double clockTicks() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
    String s = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    return Double.parseDouble(s);
  }

  static double cpu(ThrowingRunnable r) throws Exception {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long before = os.getProcessCpuTime();
    r.run();
    return (os.getProcessCpuTime() - before) / 1e9;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static FFmpegFrameGrabber grabber(Path clip) throws Exception {
    FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile());
    g.setVideoOption("threads", "1");
    g.start();
    return g;
  }

  /** Decodes every frame (or only the keyframes) without converting a colour, as {@code ffmpeg -f null} does. */
  private static void decodeAll(Path clip, boolean keyframesOnly) throws Exception {
    try (FFmpegFrameGrabber g = grabber(clip)) {
      int n = 0;
      while (g.grabFrame(false, true, false, keyframesOnly, false) != null) {
        n++;
      }
      if (n == 0) {
        throw new IllegalStateException("no frame decoded from " + clip);
      }
    }
  }

  private static String format(Map<String, Double> times) {
    StringBuilder s = new StringBuilder();
    times.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(String.format(Locale.ROOT, " %.2f s", v)));
    return s.toString();
  }

  /** The default analyzers' vision and OCR models, each timed on the same pictures after a warm-up. */
  static final class Models implements AutoCloseable {
    private final Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private boolean warm;

    Models() {
      ImageClassifier classifier = ImageClassifier.imageNet(BenchMedia.store(), ClassifierOptions.IMAGENET);
      ObjectDetector detector = ObjectDetector.yoloxNano(BenchMedia.store(), DetectorOptions.YOLOX_NANO);
      FaceAnalyzer faces = FaceAnalyzer.open(BenchMedia.store(), FaceOptions.DEFAULT);
      TesseractOcr tesseract = new TesseractOcr();
      if (tesseract.unavailable().isPresent()) {
        throw new IllegalStateException(tesseract.unavailable().get());
      }
      PaddleOcr paddle = new PaddleOcr();
      MergedOcr ocr = new MergedOcr(tesseract, paddle, Duration.ofMinutes(5));
      analyzers.put("classifier", classifier);
      analyzers.put("objects", detector);
      analyzers.put("faces", faces);
      analyzers.put("ocr", ocr);
      owned.addAll(List.of(classifier, detector, faces, ocr));
    }

    Map<String, Double> time(Input input) throws Exception {
      if (!warm) {
        for (Analyzer a : analyzers.values()) {
          a.analyze(input);
        }
        warm = true;
      }
      Map<String, Double> times = new LinkedHashMap<>();
      for (Map.Entry<String, Analyzer> a : analyzers.entrySet()) {
        times.put(a.getKey(), cpu(() -> a.getValue().analyze(input)));
      }
      return times;
    }

    /**
     * CPU per photo of a whole engine on the photos (these models, the vision vocabulary, the default policy,
     * a result store and a JSON Lines sink; one item at a time) and of its parts alone (each photo decoded as
     * the engine decodes it, then each model on it), best of three rounds each.
     */
    double[] overhead(List<Path> photos) throws Exception {
      Path dir = Files.createTempDirectory(CeilingInputs.dir(), "engine");
      double engine = Double.MAX_VALUE;
      double parts = Double.MAX_VALUE;
      FfmpegMediaDecoder decoder = new FfmpegMediaDecoder(1);
      for (int round = 0; round < 3; round++) {
        Path store = dir.resolve("store-" + round);
        try (dev.tagger.sink.JsonLinesSink sink = dev.tagger.sink.JsonLinesSink.toFile(dir.resolve("out-" + round + ".jsonl"))) {
          dev.tagger.Tagger.Builder b = dev.tagger.Tagger.builder().decoder(decoder).rules(dev.tagger.onnx.VisionVocabulary.defaults())
              .policy(dev.tagger.policy.TagPolicy.defaults()).resultStore(dev.tagger.store.FileResultStore.open(store)).sink(sink).parallelism(1);
          analyzers.values().forEach(b::analyzer);
          dev.tagger.Tagger tagger = b.build();
          engine = Math.min(engine, cpu(() -> tagger.tagAll(photos.stream().map(Media::of).toList())) / photos.size());
        }
        parts = Math.min(parts, cpu(() -> {
          for (Path p : photos) {
            dev.tagger.spi.MediaDecoder.ScaledImage img = decoder.decodeImage(Media.of(p), AnalysisInput.STILL_MIN_SIDE);
            Input input = new Input(Media.of(p), MediaKind.IMAGE, img.image(), List.of(),
                img.reduced() ? once(() -> decoder.decodeImage(Media.of(p))) : img::image);
            for (Analyzer a : analyzers.values()) {
              a.analyze(input);
            }
          }
        }) / photos.size());
      }
      return new double[] {engine, parts};
    }

    private static java.util.function.Supplier<RgbImage> once(java.util.function.Supplier<RgbImage> s) {
      RgbImage[] held = new RgbImage[1];
      return () -> held[0] == null ? (held[0] = s.get()) : held[0];
    }

    @Override
    public void close() throws Exception {
      for (AutoCloseable c : owned) {
        c.close();
      }
    }
  }

  /** Pictures already decoded, handed to the models as an item's input. */
  record Input(Media media, MediaKind kind, RgbImage still, List<VideoFrame> frames, java.util.function.Supplier<RgbImage> full)
      implements AnalysisInput {
    Input(Media media, MediaKind kind, RgbImage still, List<VideoFrame> frames) {
      this(media, kind, still, frames, () -> still);
    }

    @Override
    public RgbImage image() {
      return still;
    }

    @Override
    public RgbImage fullImage() {
      return full.get();
    }

    @Override
    public Pcm audio(int sampleRate) {
      throw new dev.tagger.MediaException(media.id() + ": has no audio here (decoded pictures only)");
    }

    @Override
    public void streamAudio(int sampleRate, int chunkSamples, PcmChunkHandler handler) {
      throw new dev.tagger.MediaException(media.id() + ": has no audio here (decoded pictures only)");
    }

    @Override
    public List<TextItem> texts() {
      return List.of();
    }

    @Override
    public void checkCancelled() {}
  }
}
