package dev.tagger;

import dev.tagger.feedback.FeedbackPolicy;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.LabelLearning;
import dev.tagger.internal.ItemAnalysis;
import dev.tagger.internal.ItemPipeline;
import dev.tagger.internal.LocalAnalysis;
import dev.tagger.rules.RuleChain;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.MediaDecoder;
import dev.tagger.spi.ResultStore;
import dev.tagger.spi.SamplingPolicy;
import dev.tagger.spi.TagRule;
import dev.tagger.spi.TagSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tags media: decode once, analyze, aggregate, apply rules, hand results to sinks. Build one with
 * {@link #builder()} and share it: a {@code Tagger} is immutable and thread-safe. It does not own the
 * analyzers, decoder, sinks or store it was given; whoever created them closes them. Threads are
 * started per call and stopped when the call ends; none live between calls.
 */
public final class Tagger {
  private final ItemPipeline pipeline;
  private final List<TagSink> sinks;
  private final int parallelism;
  private final Duration itemTimeout;
  private final ProgressListener progress;
  private final Admission admission;
  private final @Nullable FeedbackStore feedback;

  private Tagger(Builder b) {
    this.admission = b.admission;
    ItemAnalysis analysis = b.workers != null ? b.workers.analysis() : b.localAnalysis();
    this.feedback = b.feedback;
    this.pipeline = new ItemPipeline(analysis, b.policy, new RuleChain(b.rules), b.store, b.feedback == null ? null
        : new FeedbackPolicy(b.feedback, b.policy.options(), LabelLearning.DEFAULT_PRIOR_STRENGTH), b.people);
    this.sinks = List.copyOf(b.sinks);
    this.parallelism = b.workers != null ? Math.min(b.parallelism, b.workers.size()) : b.parallelism;
    this.itemTimeout = b.itemTimeout;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where this tagger reads what people said about its tags, and where corrections are recorded; if given. */
  public java.util.Optional<FeedbackStore> feedback() {
    return java.util.Optional.ofNullable(feedback);
  }

  /**
   * Identifies the analysis: the analyzers, their models' versions and the options that change their output (part of
   * the result store's key). Two taggers with the same fingerprint give an item the same analysis.
   */
  public String fingerprint() {
    return pipeline.fingerprint();
  }

  /** Tags one item, tells the sinks, and returns its result; a bad item gives a failed result, not an exception. */
  public TagResult tag(Media media) {
    return tagAll(List.of(media)).results().get(0);
  }

  /** Tags a batch and waits for it; see {@link #start}. */
  public BatchSummary tagAll(Collection<Media> items) {
    return start(items).await();
  }

  /**
   * Starts tagging a batch in the background: at most {@code parallelism} items at once, each limited
   * to the item timeout, progress reported after each item. One item's failure never stops the batch.
   */
  public Batch start(Collection<Media> items) {
    Batch batch = new Batch();
    new BatchRun(pipeline, sinks, parallelism, itemTimeout, progress, admission, List.copyOf(items), batch).start();
    return batch;
  }

  /** Builds a {@link Tagger}; {@link #build()} may be called again for another, independent instance. */
  public static final class Builder {
    private final List<Analyzer> analyzers = new ArrayList<>();
    private final List<TagRule> rules = new ArrayList<>();
    private final List<TagSink> sinks = new ArrayList<>();
    private @Nullable MediaDecoder decoder;
    private @Nullable ResultStore store;
    private SamplingPolicy sampling = SamplingPolicy.DEFAULT;
    private AggregationOptions aggregation = AggregationOptions.DEFAULT;
    private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Duration itemTimeout = Duration.ofMinutes(10);
    private ProgressListener progress = ProgressListener.NONE;
    private Admission admission = Admission.ALWAYS;
    private dev.tagger.policy.TagPolicy policy = dev.tagger.policy.TagPolicy.none();
    private @Nullable WorkerPool workers;
    private @Nullable FeedbackStore feedback;
    private dev.tagger.people.@Nullable PeopleStore people;

    private Builder() {}

    public Builder analyzer(Analyzer analyzer) {
      analyzers.add(Objects.requireNonNull(analyzer, "analyzer"));
      return this;
    }

    /**
     * The tag policy applied to each item's analysis before the rules (default: {@link
     * dev.tagger.policy.TagPolicy#none()}, tags as the analyzers gave them; {@link
     * dev.tagger.policy.TagPolicy#defaults()} is the calibrated default with its review band).
     */
    public Builder policy(dev.tagger.policy.TagPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    public Builder rule(TagRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    public Builder rules(RuleChain chain) {
      rules.addAll(chain.rules());
      return this;
    }

    public Builder sink(TagSink sink) {
      sinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    public Builder decoder(MediaDecoder value) {
      this.decoder = Objects.requireNonNull(value, "decoder");
      return this;
    }

    /** Where finished analyses are kept so that re-runs skip unchanged items; none by default. */
    public Builder resultStore(ResultStore value) {
      this.store = Objects.requireNonNull(value, "resultStore");
      return this;
    }

    public Builder sampling(SamplingPolicy value) {
      this.sampling = Objects.requireNonNull(value, "sampling");
      return this;
    }

    public Builder aggregation(AggregationOptions value) {
      this.aggregation = Objects.requireNonNull(value, "aggregation");
      return this;
    }

    /** Items tagged at once; default: the number of processors. */
    public Builder parallelism(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, got " + value);
      }
      this.parallelism = value;
      return this;
    }

    /** The longest one item may take before it fails with a timeout; default 10 minutes. */
    public Builder itemTimeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("itemTimeout must be positive, got " + value);
      }
      this.itemTimeout = value;
      return this;
    }

    /**
     * Analyze in the pool's worker processes instead of this JVM: a native crash, an out-of-memory or a
     * hang fails one item, and the batch goes on. The analyzers, decoder, sampling and aggregation are
     * then the {@link WorkerSetup}'s and must not be given here; at most {@link WorkerPool#size()} items
     * run at once. The caller keeps owning the pool.
     */
    public Builder workers(WorkerPool pool) {
      this.workers = Objects.requireNonNull(pool, "workers");
      return this;
    }

    /**
     * What people said about tags, applied to every item after the policy and the rules: a tag rejected on
     * an item never comes back to it, an accepted one stays, renames apply, and each label's acceptance is
     * learned from the verdicts. The caller keeps owning the store.
     */
    public Builder feedback(FeedbackStore store) {
      this.feedback = Objects.requireNonNull(store, "feedback");
      return this;
    }

    /**
     * Where the faces the {@code people} analyzer sees are kept and clustered, and whose named people become
     * tags (category person). Off unless given; the caller keeps owning the store.
     */
    public Builder people(dev.tagger.people.PeopleStore store) {
      this.people = Objects.requireNonNull(store, "people");
      return this;
    }

    /** The analysis this builder's analyzers make in this JVM: what a worker process runs. */
    LocalAnalysis localAnalysis() {
      return new LocalAnalysis(analyzers, decoder, sampling, aggregation);
    }

    /**
     * Asked before each item starts, so a long batch can wait (paused, outside a run window) between items
     * and stop taking new ones; default: every item starts at once.
     */
    public Builder admission(Admission value) {
      this.admission = Objects.requireNonNull(value, "admission");
      return this;
    }

    public Builder progressListener(ProgressListener value) {
      this.progress = Objects.requireNonNull(value, "progressListener");
      return this;
    }

    public Tagger build() {
      if (workers != null && (!analyzers.isEmpty() || decoder != null || !sampling.equals(SamplingPolicy.DEFAULT)
          || !aggregation.equals(AggregationOptions.DEFAULT))) {
        throw new IllegalStateException("with workers, the analyzers, decoder, sampling and aggregation are set up by the"
            + " WorkerSetup in each worker, not on this builder");
      }
      Set<String> ids = new HashSet<>();
      for (Analyzer a : analyzers) {
        if (!ids.add(a.info().id())) {
          throw new IllegalStateException("two analyzers share the id '" + a.info().id() + "'; ids must be unique");
        }
      }
      return new Tagger(this);
    }
  }
}
