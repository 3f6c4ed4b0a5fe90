package dev.tagger.internal;

import dev.tagger.AggregationOptions;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TaggerException;
import dev.tagger.TextItem;
import dev.tagger.model.Hashing;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.AudioAnalyzer;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.StoredAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The analyzers run in this JVM: decode once (a video's frames for all frame analyzers, a soundtrack for
 * all audio analyzers), media analyzers, then text analyzers over every text found, each analyzer's
 * detections aggregated into tags. Immutable and thread-safe.
 */
public final class LocalAnalysis implements ItemAnalysis {
  /** Text files are read up to this many bytes; the rest is not analyzed. */
  static final int MAX_TEXT_BYTES = 1 << 20;
  /** What a result's {@code partial} names when a text file was read only up to {@link #MAX_TEXT_BYTES}. */
  public static final String TEXT_PREFIX = "text (first 1 MB)";

  private final List<Analyzer> mediaAnalyzers;
  private final List<Analyzer> textAnalyzers;
  private final @Nullable MediaDecoder decoder;
  private final SamplingPolicy sampling;
  private final Aggregator aggregator;
  private final String fingerprint;

  public LocalAnalysis(List<Analyzer> analyzers, @Nullable MediaDecoder decoder, SamplingPolicy sampling, AggregationOptions aggregation) {
    this.mediaAnalyzers = analyzers.stream().filter(a -> !a.readsText()).toList();
    this.textAnalyzers = analyzers.stream().filter(Analyzer::readsText).toList();
    this.decoder = decoder;
    this.sampling = sampling;
    this.aggregator = new Aggregator(aggregation);
    StringBuilder fp = new StringBuilder().append(sampling.fingerprint()).append('|').append(aggregation);
    for (Analyzer a : analyzers) {
      AnalyzerInfo i = a.info();
      fp.append('|').append(i.id()).append('@').append(i.version()).append('[').append(i.options()).append(']')
          .append(a.kinds().stream().map(Enum::name).sorted().toList()); // Set.of order differs per JVM
    }
    this.fingerprint = Hashing.sha256(fp.toString()).substring(0, 16);
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public StoredAnalysis analyze(Media media, MediaKind kind, BooleanSupplier cancelled) {
    DecodedItem item = new DecodedItem(media, kind, decoder, sampling, cancelled);
    List<Tag> tags = new ArrayList<>();
    List<TextItem> found = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    java.util.Map<String, String> embeddings = new java.util.TreeMap<>();
    List<dev.tagger.spi.FaceSample> faces = new ArrayList<>();
    Looks looks = new Looks(new ArrayList<>(), new java.util.TreeMap<>());
    item.addTexts(ownTexts(media, kind));
    if (kind == MediaKind.TEXT && sizeOf(media) > MAX_TEXT_BYTES) {
      partial.add(TEXT_PREFIX); // a huge text file is tagged from its first MB, and the result says so
    }
    runAll(mediaAnalyzers, item, tags, found, partial, embeddings, faces, looks);
    item.addTexts(found); // text analyzers also read what the media analyzers found (OCR, speech)
    runAll(textAnalyzers, item, tags, found, partial, embeddings, faces, looks);
    return new StoredAnalysis(kind, tags, found, partial, embeddings, faces, item.timings().millis(), looks.unavailable(), looks.usage());
  }

  /** Which analyzers could not look this time, and what the looks cost (remote analyzers). */
  private record Looks(List<String> unavailable, java.util.Map<String, Long> usage) {
    void add(dev.tagger.spi.AnalyzerInfo info, AnalyzerOutput out) {
      if (out.unavailable() != null) {
        unavailable.add(info.id() + " (" + out.unavailable() + ")");
      }
      out.usage().forEach((k, v) -> usage.merge(info.id() + "." + k, v, Long::sum));
    }
  }

  private void runAll(List<Analyzer> analyzers, DecodedItem item, List<Tag> tags, List<TextItem> found, List<String> partial,
      java.util.Map<String, String> embeddings, List<dev.tagger.spi.FaceSample> faces, Looks looks) {
    List<Analyzer> applicable = analyzers.stream().filter(a -> a.kinds().contains(item.kind())).toList();
    java.util.Map<Analyzer, AnalyzerOutput> streamed = new java.util.IdentityHashMap<>();
    try {
      if (item.kind() == MediaKind.VIDEO) { // frame analyzers share one decode, frame by frame (FrameStream)
        List<FrameAnalyzer> frameAnalyzers = applicable.stream().filter(a -> a instanceof FrameAnalyzer).map(a -> (FrameAnalyzer) a).toList();
        if (!frameAnalyzers.isEmpty()) {
          streamed.putAll(FrameStream.run(frameAnalyzers, item));
        }
      }
      if (item.kind() == MediaKind.VIDEO || item.kind() == MediaKind.AUDIO) { // and audio analyzers one decode of the soundtrack
        List<AudioAnalyzer> audioAnalyzers = applicable.stream().filter(a -> a instanceof AudioAnalyzer).map(a -> (AudioAnalyzer) a).toList();
        if (audioAnalyzers.size() > 1) {
          streamed.putAll(AudioStream.run(audioAnalyzers, item));
        }
      }
    } catch (MediaException e) {
      throw new AnalysisFailure("decode", e.getMessage(), e);
    }
    for (Analyzer a : applicable) {
      AnalyzerOutput done = streamed.get(a);
      // boxes in the full picture's pixels, however it was decoded
      AnalyzerOutput out = item.toFullScale(done != null ? done : guarded(a, item, () -> a.analyze(item)));
      tags.addAll(aggregator.aggregate(a.info(), out.detections(), item.frameTimes()));
      found.addAll(out.texts());
      if (out.partial()) {
        partial.add(a.info().id());
      }
      faces.addAll(out.faces());
      looks.add(a.info(), out);
      if (out.embedding() != null) {
        embeddings.put(out.embedding().model(), out.embedding().encoded());
      }
    }
  }

  /** One call into an analyzer, its failures named: a decode failure, an analyzer's own, a cancel, a null. */
  static <T> T guarded(Analyzer a, DecodedItem item, java.util.function.Supplier<T> call) {
    item.checkCancelled();
    T out;
    try {
      out = item.timings().time(a.info().id(), call);
    } catch (CancellationException e) {
      throw e;
    } catch (AnalysisFailure e) {
      throw e;
    } catch (MediaException e) {
      throw new AnalysisFailure("decode", e.getMessage(), e);
    } catch (TaggerException e) {
      throw new AnalysisFailure("analyze", item.media().id() + ": analyzer " + a.info().id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException(item.media().id() + ": cancelled");
      }
      throw new AnalysisFailure("analyze", item.media().id() + ": analyzer " + a.info().id() + " failed: " + e, e);
    }
    if (out == null) {
      throw new AnalysisFailure("analyze", item.media().id() + ": analyzer " + a.info().id() + " returned null");
    }
    return out;
  }

  private static long sizeOf(Media media) {
    try {
      return Files.size(media.path());
    } catch (IOException e) {
      return 0;
    }
  }

  /** What the item says about itself: its file name, title, description, and a text file's content. */
  private static List<TextItem> ownTexts(Media media, MediaKind kind) {
    List<TextItem> own = new ArrayList<>();
    if (kind == MediaKind.TEXT) {
      own.add(new TextItem("content", readText(media), null, null));
    }
    if (media.path().getFileName() != null) {
      own.add(new TextItem("filename", media.path().getFileName().toString(), null, null));
    }
    media.title().ifPresent(t -> own.add(new TextItem("title", t, null, null)));
    media.description().ifPresent(d -> own.add(new TextItem("description", d, null, null)));
    return own;
  }

  private static String readText(Media media) {
    try (InputStream in = Files.newInputStream(media.path())) {
      byte[] bytes = in.readNBytes(MAX_TEXT_BYTES);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (IOException e) {
      throw new AnalysisFailure("read", media.id() + ": cannot read: " + e.getMessage(), e);
    }
  }
}
