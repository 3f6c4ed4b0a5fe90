package dev.tagger;

import dev.tagger.internal.AnalysisFailure;
import dev.tagger.internal.ItemAnalysis;
import dev.tagger.internal.WorkerProcess;
import dev.tagger.spi.StoredAnalysis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervised worker processes that run the analyzers outside this JVM, so that a crash in native code
 * (FFmpeg, ONNX Runtime, Tesseract, Vosk), an out-of-memory or a hang fails one item instead of the whole
 * batch. Each worker is a JVM that opens its analyzers with a {@link WorkerSetup} and analyzes one item
 * at a time; a worker that crashes, runs out of memory, passes its resident-memory limit or is stopped at
 * the item timeout is replaced by a fresh one while the batch goes on. Hand the pool to
 * {@link Tagger.Builder#workers}; the policy, rules, result store and sinks stay in this JVM.
 *
 * <p>Whoever starts a pool closes it; closing ends its workers. Thread-safe: several batches may share it.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final WorkerProcess.Launch launch;
  private final int size;
  private final int recycleAfter;
  private final Consumer<String> output;
  /** The workers' garbage collector unless {@link Builder#jvmOption} names one. */
  public static final String THROUGHPUT_COLLECTOR = "-XX:+UseParallelGC";
  private final BlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
  private final Set<WorkerProcess> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger live = new AtomicInteger();
  private final ExecutorService starter;
  private final AtomicInteger replaced = new AtomicInteger();
  private final String fingerprint;
  private volatile String lastStartFailure = "";
  private volatile boolean closed;

  private WorkerPool(Builder b) {
    this.size = b.workers;
    this.recycleAfter = b.recycleAfter;
    this.output = b.output;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + b.heapMegabytes + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:-CreateCoredumpOnCrash");
    command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "tagger-worker-hs_err-%p.log"));
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("tagger.") || key.startsWith("org.slf4j.") || key.startsWith("jna.")
          || key.startsWith("org.bytedeco.") || key.equals("java.library.path")) {
        command.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    if (b.jvmOptions.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
      // the throughput collector: on a batch of large pixel arrays G1 took 10 to 15% more CPU (2 cores, 24 12 MP photos)
      command.add(THROUGHPUT_COLLECTOR);
    }
    command.addAll(b.jvmOptions);
    command.add(WorkerMain.class.getName());
    command.add(b.setup.getName());
    this.launch = new WorkerProcess.Launch(command, b.classpath, b.configuration, b.startTimeout,
        (long) b.maxResidentMegabytes << 20, b.heapMegabytes);
    this.starter = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tagger-worker-starter");
      t.setDaemon(true);
      return t;
    });
    List<Future<WorkerProcess>> starting = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      starting.add(starter.submit(this::startOne));
    }
    String fp = null;
    try {
      for (Future<WorkerProcess> f : starting) {
        WorkerProcess w = f.get();
        fp = w.fingerprint();
        idle.add(w);
        live.incrementAndGet();
      }
    } catch (ExecutionException e) {
      close();
      throw e.getCause() instanceof TaggerException t ? t : new TaggerException("cannot start workers: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new TaggerException("interrupted while the workers were starting", e);
    }
    this.fingerprint = fp;
  }

  /** A pool whose workers open their analyzers with {@code setup}, which must have a public no-argument constructor. */
  public static Builder builder(Class<? extends WorkerSetup> setup) {
    return new Builder(setup);
  }

  /** How many workers the pool keeps: how many items it analyzes at once. */
  public int size() {
    return size;
  }

  /** Workers replaced so far because one crashed, ran out of memory, was stopped at a timeout or was recycled. */
  public int replacements() {
    return replaced.get();
  }

  private WorkerProcess startOne() {
    WorkerProcess w = WorkerProcess.start(launch, output);
    running.add(w);
    if (closed) {
      w.close();
    }
    return w;
  }

  ItemAnalysis analysis() {
    return new PooledAnalysis();
  }

  /** Ends every worker. */
  @Override
  public void close() {
    closed = true;
    starter.shutdownNow();
    for (WorkerProcess w : running) {
      w.close();
    }
    running.clear();
    idle.clear();
  }

  private WorkerProcess acquire() throws InterruptedException {
    while (true) {
      if (closed) {
        throw new IllegalStateException("the worker pool is closed");
      }
      WorkerProcess w = idle.poll(100, TimeUnit.MILLISECONDS);
      if (w != null && !w.isAlive()) { // it died while idle (the system's OOM killer, say): no item is to blame
        running.remove(w);
        replace();
        continue;
      }
      if (w != null) {
        return w;
      }
      if (live.get() == 0) {
        throw new AnalysisFailure("analyze", "no worker process is running: " + lastStartFailure);
      }
    }
  }

  private void release(WorkerProcess w) {
    boolean recycle = recycleAfter > 0 && w.items() >= recycleAfter
        || launch.maxResidentBytes() > 0 && w.residentBytes() > launch.maxResidentBytes() * 3 / 4;
    if (w.isAlive() && !recycle && !closed) {
      idle.add(w);
      return;
    }
    if (w.isAlive()) {
      w.close(); // grown large or old: a fresh worker takes its place before it reaches the limit
    }
    running.remove(w);
    replace();
  }

  private void replace() {
    if (closed) {
      return;
    }
    replaced.incrementAndGet();
    starter.execute(() -> {
      try {
        idle.add(startOne());
      } catch (RuntimeException e) {
        lastStartFailure = e.getMessage();
        live.decrementAndGet();
        if (closed) {
          return;
        }
        LOG.warn("a worker process could not be restarted ({} left): {}", live.get(), e.getMessage());
      }
    });
  }

  private final class PooledAnalysis implements ItemAnalysis {
    @Override
    public StoredAnalysis analyze(Media media, MediaKind kind, BooleanSupplier cancelled) {
      WorkerProcess w;
      try {
        w = acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException(media.id() + ": interrupted while waiting for a worker");
      }
      try {
        return w.analyze(media, kind, cancelled);
      } finally {
        release(w);
      }
    }

    @Override
    public String fingerprint() {
      return fingerprint;
    }
  }

  /** Settings of a {@link WorkerPool}; {@link #start()} starts the workers and waits until all are ready. */
  public static final class Builder {
    private final Class<? extends WorkerSetup> setup;
    private String configuration = "";
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int heapMegabytes = 1024;
    private int maxResidentMegabytes = 3072;
    private int recycleAfter;
    private Duration startTimeout = Duration.ofMinutes(5);
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private Consumer<String> output = new Deduplicated();

    private Builder(Class<? extends WorkerSetup> setup) {
      this.setup = Objects.requireNonNull(setup, "setup");
    }

    /** Handed to {@link WorkerSetup#configure} in each worker; empty by default. */
    public Builder configuration(String value) {
      this.configuration = Objects.requireNonNull(value, "configuration");
      return this;
    }

    /** How many workers, each analyzing one item at a time; default: the number of processors. */
    public Builder workers(int value) {
      this.workers = positive("workers", value);
      return this;
    }

    /** Each worker's Java heap ({@code -Xmx}); an item that needs more fails with out of memory. Default 1024 MB. */
    public Builder heapMegabytes(int value) {
      this.heapMegabytes = positive("heapMegabytes", value);
      return this;
    }

    /**
     * The resident memory (heap, native buffers, models) a worker may reach: past it during an item the
     * worker is killed and the item fails with out of memory; past three quarters of it after an item the
     * worker is replaced. 0: no limit. Default 3072 MB.
     */
    public Builder maxResidentMegabytes(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxResidentMegabytes must be >= 0, got " + value);
      }
      this.maxResidentMegabytes = value;
      return this;
    }

    /** Replace each worker after this many items (0, the default: never), a guard against slow leaks. */
    public Builder recycleAfter(int items) {
      this.recycleAfter = Math.max(0, items);
      return this;
    }

    /** How long a worker may take to open its analyzers; default 5 minutes. */
    public Builder startTimeout(Duration value) {
      this.startTimeout = Objects.requireNonNull(value, "startTimeout");
      return this;
    }

    /** The workers' class path; default: this JVM's. */
    public Builder classpath(String value) {
      this.classpath = Objects.requireNonNull(value, "classpath");
      return this;
    }

    /**
     * An extra option for the workers' JVM, e.g. {@code -Dsome.property=x}. Workers collect garbage with
     * {@value WorkerPool#THROUGHPUT_COLLECTOR} unless an option here names another collector.
     */
    public Builder jvmOption(String value) {
      jvmOptions.add(Objects.requireNonNull(value, "jvmOption"));
      return this;
    }

    /** Where the workers' stderr lines go; default: this JVM's stderr, each distinct line once. */
    public Builder output(Consumer<String> value) {
      this.output = Objects.requireNonNull(value, "output");
      return this;
    }

    /** Starts the workers and waits until each has opened its analyzers; throws the first one's failure. */
    public WorkerPool start() {
      return new WorkerPool(this);
    }

    private static int positive(String what, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be >= 1, got " + value);
      }
      return value;
    }
  }

  /** Prints each distinct line once, so that N workers saying the same thing at start say it once. */
  private static final class Deduplicated implements Consumer<String> {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void accept(String line) {
      if (seen.size() < 10_000 && seen.add(line)) {
        System.err.println(line);
      }
    }
  }
}
