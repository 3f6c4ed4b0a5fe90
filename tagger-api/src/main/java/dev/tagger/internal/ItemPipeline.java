package dev.tagger.internal;

import dev.tagger.model.Hashing;
import dev.tagger.AggregationOptions;
import dev.tagger.ItemError;
import dev.tagger.Media;
import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.TextItem;
import dev.tagger.policy.TagPolicy;
import dev.tagger.rules.RuleChain;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.ResultStore;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.StoredAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One item's journey: sniff, hash, look up the result store, decode once, run media analyzers then
 * text analyzers, aggregate, store, apply rules. Never throws for a bad item: the failure becomes the
 * result's {@link ItemError}. Immutable and thread-safe.
 */
public final class ItemPipeline {
  private final List<Analyzer> mediaAnalyzers;
  private final List<Analyzer> textAnalyzers;
  private final TagPolicy policy;
  private final RuleChain rules;
  private final @Nullable MediaDecoder decoder;
  private final SamplingPolicy sampling;
  private final Aggregator aggregator;
  private final @Nullable ResultStore store;
  private final String optionsFingerprint;

  public ItemPipeline(List<Analyzer> analyzers, TagPolicy policy, RuleChain rules, @Nullable MediaDecoder decoder,
      SamplingPolicy sampling, AggregationOptions aggregation, @Nullable ResultStore store) {
    this.mediaAnalyzers = analyzers.stream().filter(a -> !a.readsText()).toList();
    this.textAnalyzers = analyzers.stream().filter(Analyzer::readsText).toList();
    this.policy = policy;
    this.rules = rules;
    this.decoder = decoder;
    this.sampling = sampling;
    this.aggregator = new Aggregator(aggregation);
    this.store = store;
    StringBuilder fp = new StringBuilder().append(sampling).append('|').append(aggregation);
    for (Analyzer a : analyzers) {
      AnalyzerInfo i = a.info();
      fp.append('|').append(i.id()).append('@').append(i.version()).append('[').append(i.options()).append(']')
          .append(a.kinds().stream().map(Enum::name).sorted().toList()); // Set.of order differs per JVM
    }
    this.optionsFingerprint = Hashing.sha256(fp.toString()).substring(0, 16);
  }

  public TagResult run(Media media, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    MediaKind kind = MediaKind.UNKNOWN;
    String sha = null;
    try {
      kind = media.kind();
      if (kind == MediaKind.UNKNOWN) {
        return failed(media, kind, null, "sniff", media.id()
            + ": unrecognised content: not an image, video, audio or text file this version can read", start);
      }
      Optional<MediaKind> promised = MediaExtensions.promisedBy(media.path());
      if (kind == MediaKind.TEXT && promised.isPresent()) {
        return failed(media, kind, null, "sniff", media.id() + ": named like " + article(promised.get())
            + " file but holds plain text; it is not a media file", start);
      }
      sha = media.sha256();
    } catch (MediaException e) {
      return failed(media, kind, sha, "read", e.getMessage(), start);
    }
    String key = sha + ":" + kind + ":" + optionsFingerprint;
    Optional<StoredAnalysis> stored = store == null ? Optional.empty() : store.get(key);
    StoredAnalysis analysis;
    if (stored.isPresent()) {
      analysis = stored.get();
    } else {
      DecodedItem item = new DecodedItem(media, kind, decoder, sampling, cancelled);
      try {
        analysis = analyze(item);
      } catch (CancellationException e) {
        return failed(media, kind, sha, "cancelled", media.id() + ": cancelled before it finished", start);
      } catch (StageException e) {
        return failed(media, kind, sha, e.stage, e.getMessage(), start);
      }
      if (store != null) {
        store.put(key, analysis);
      }
    }
    List<Tag> tags;
    try {
      tags = rules.apply(policy.apply(analysis.tags()));
    } catch (RuntimeException e) {
      return failed(media, kind, sha, "rules", media.id() + ": " + e.getMessage(), start);
    }
    return new TagResult(media.id(), kind, sha,
        tags.stream().filter(t -> !t.review()).toList(),
        tags.stream().filter(Tag::review).toList(),
        analysis.texts(), null, stored.isPresent(), elapsedMillis(start), analysis.partial());
  }

  private StoredAnalysis analyze(DecodedItem item) {
    List<Tag> tags = new ArrayList<>();
    List<TextItem> found = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    item.addTexts(ownTexts(item.media(), item.kind()));
    if (item.kind() == MediaKind.TEXT && sizeOf(item.media()) > MAX_TEXT_BYTES) {
      partial.add(TEXT_PREFIX); // a huge text file is tagged from its first MB, and the result says so
    }
    for (Analyzer a : mediaAnalyzers) {
      if (a.kinds().contains(item.kind())) {
        AnalyzerOutput out = runAnalyzer(a, item);
        tags.addAll(aggregator.aggregate(a.info(), out.detections(), item.frameTimes()));
        found.addAll(out.texts());
        if (out.partial()) {
          partial.add(a.info().id());
        }
      }
    }
    item.addTexts(found);
    for (Analyzer a : textAnalyzers) {
      if (a.kinds().contains(item.kind())) {
        AnalyzerOutput out = runAnalyzer(a, item);
        tags.addAll(aggregator.aggregate(a.info(), out.detections(), item.frameTimes()));
        found.addAll(out.texts());
        if (out.partial()) {
          partial.add(a.info().id());
        }
      }
    }
    return new StoredAnalysis(item.kind(), tags, found, partial);
  }

  private static AnalyzerOutput runAnalyzer(Analyzer a, DecodedItem item) {
    item.checkCancelled();
    AnalyzerOutput out;
    try {
      out = a.analyze(item);
    } catch (CancellationException e) {
      throw e;
    } catch (MediaException e) {
      throw new StageException("decode", e.getMessage(), e);
    } catch (TaggerException e) {
      throw new StageException("analyze", item.media().id() + ": analyzer " + a.info().id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException(item.media().id() + ": cancelled");
      }
      throw new StageException("analyze", item.media().id() + ": analyzer " + a.info().id() + " failed: " + e, e);
    }
    if (out == null) {
      throw new StageException("analyze", item.media().id() + ": analyzer " + a.info().id() + " returned null");
    }
    return out;
  }

  /** Text files are read up to this many bytes; the rest is not analyzed. */
  static final int MAX_TEXT_BYTES = 1 << 20;
  /** What {@link TagResult#partial()} names when a text file was read only up to {@link #MAX_TEXT_BYTES}. */
  public static final String TEXT_PREFIX = "text (first 1 MB)";

  private static long sizeOf(Media media) {
    try {
      return java.nio.file.Files.size(media.path());
    } catch (java.io.IOException e) {
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

  private static String article(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> "an image";
      case AUDIO -> "an audio";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String readText(Media media) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(media.path())) {
      byte[] bytes = in.readNBytes(MAX_TEXT_BYTES);
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.io.IOException e) {
      throw new StageException("read", media.id() + ": cannot read: " + e.getMessage(), e);
    }
  }

  static TagResult failed(Media media, MediaKind kind, @Nullable String sha, String stage, String message, long start) {
    return TagResult.failed(media.id(), kind, sha, new ItemError(stage, message), elapsedMillis(start));
  }

  static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** A failure with the stage it happened in. */
  private static final class StageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String stage;

    StageException(String stage, String message) {
      super(message);
      this.stage = stage;
    }

    StageException(String stage, String message, Throwable cause) {
      super(message, cause);
      this.stage = stage;
    }
  }
}
