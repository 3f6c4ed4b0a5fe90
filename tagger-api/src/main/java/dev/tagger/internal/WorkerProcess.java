package dev.tagger.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Media;
import dev.tagger.MediaKind;
import dev.tagger.TaggerException;
import dev.tagger.spi.StoredAnalysis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One worker JVM, seen from the parent: started with a command, handed its configuration, then sent one
 * item at a time over its stdin; replies come back on its stdout as lines marked with {@link #PREFIX}
 * (anything else there, such as native libraries' prints or the JVM's crash report, is kept as output).
 * When the worker dies during an item, the item fails with what killed it ({@link ExitCause}). Used by one
 * thread at a time.
 */
public final class WorkerProcess implements AutoCloseable {
  /** Marks the protocol's lines on a worker's stdout. */
  public static final String PREFIX = "\u0001tagger-worker\u0002";
  private static final JsonNode END = AnalysisJson.MAPPER.createObjectNode().put("end", true);
  private static final long POLL_MILLIS = 100;

  /**
   * How to start a worker.
   *
   * @param command the JVM command line, ending with the worker's main class and its arguments
   * @param classpath handed over in the {@code CLASSPATH} variable, so that no argument grows long
   * @param maxResidentBytes a worker whose resident memory passes this during an item is killed (0: no limit)
   */
  public record Launch(List<String> command, String classpath, String configuration, Duration startTimeout,
      long maxResidentBytes, int heapMegabytes) {
    public Launch {
      command = List.copyOf(command);
    }
  }

  private final Launch launch;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private final ExitCause.Tail tail = new ExitCause.Tail();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private final String fingerprint;
  private long nextId;
  private int items;
  private boolean dead;

  private WorkerProcess(Launch launch, Consumer<String> output) throws IOException {
    this.launch = launch;
    ProcessBuilder pb = new ProcessBuilder(launch.command());
    pb.environment().put("CLASSPATH", launch.classpath());
    this.process = pb.start();
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.stdoutReader = reader("stdout", process.getInputStream(), line -> {
      int at = line.indexOf(PREFIX);
      if (at < 0) {
        tail.add(line);
        return;
      }
      if (at > 0) {
        tail.add(line.substring(0, at)); // a native print without a newline ran into our line
      }
      try {
        replies.add(AnalysisJson.MAPPER.readTree(line.substring(at + PREFIX.length())));
      } catch (JsonProcessingException e) {
        tail.add("unreadable reply: " + e.getOriginalMessage());
        replies.add(AnalysisJson.MAPPER.createObjectNode().put("unreadable", e.getOriginalMessage())); // fails the item at once
      }
    });
    this.stderrReader = reader("stderr", process.getErrorStream(), line -> {
      tail.add(line);
      output.accept(line);
    });
    this.fingerprint = handshake();
  }

  /** Starts a worker and waits until its analyzers are open. */
  public static WorkerProcess start(Launch launch, Consumer<String> output) {
    try {
      return new WorkerProcess(launch, output);
    } catch (IOException e) {
      throw new TaggerException("cannot start a worker process (" + launch.command().get(0) + "): " + e.getMessage(), e);
    }
  }

  private String handshake() throws IOException {
    send(AnalysisJson.MAPPER.createObjectNode().put("configuration", launch.configuration()));
    long deadline = System.nanoTime() + launch.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode msg = poll();
      if (msg == null) {
        continue;
      }
      if (msg == END) {
        throw new TaggerException("the worker process could not start: " + exitCause().describe() + lastLines());
      }
      if (msg.has("ready")) {
        return msg.get("ready").asText();
      }
      if (msg.has("failed")) {
        kill();
        throw new TaggerException(msg.get("failed").asText());
      }
    }
    kill();
    throw new TaggerException("the worker process did not get ready within " + launch.startTimeout().toSeconds() + " s" + lastLines());
  }

  /** The worker's analysis fingerprint: its analyzers, their versions and options. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Items this worker has finished. */
  public int items() {
    return items;
  }

  /** False once the worker died or was killed; it takes no more items. */
  public boolean isAlive() {
    return !dead && process.isAlive();
  }

  /**
   * Has the worker analyze one item and waits for it. The worker is killed when {@code cancelled} turns
   * true, when this thread is interrupted, or when its resident memory passes the limit.
   */
  public StoredAnalysis analyze(Media media, MediaKind kind, BooleanSupplier cancelled) {
    long id = ++nextId;
    tail.clear(); // what an earlier item printed must not explain how this one ends
    ObjectNode request = AnalysisJson.MAPPER.createObjectNode().put("id", id).put("kind", kind.name());
    String path = media.path().toString();
    if (Path.of(path).equals(media.path())) {
      request.put("path", path); // as given, so the worker's messages name it as the parent does
    } else {
      request.put("uri", media.path().toAbsolutePath().toUri().toString()); // bytes that are not UTF-8 survive a URI
    }
    media.title().ifPresent(t -> request.put("title", t));
    media.description().ifPresent(d -> request.put("description", d));
    media.existingTags().forEach(request.putArray("existingTags")::add);
    try {
      send(request);
    } catch (IOException e) {
      throw died(media); // it was gone before it could read the item
    }
    long nextMemoryCheck = 0;
    while (true) {
      JsonNode msg;
      try {
        msg = replies.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        kill();
        Thread.currentThread().interrupt();
        throw new CancellationException(media.id() + ": interrupted; its worker was stopped");
      }
      if (msg == null) {
        if (cancelled.getAsBoolean()) {
          kill();
          throw new CancellationException(media.id() + ": cancelled; its worker was stopped");
        }
        if (launch.maxResidentBytes() > 0 && System.nanoTime() > nextMemoryCheck) {
          nextMemoryCheck = System.nanoTime() + 4 * POLL_MILLIS * 1_000_000;
          long rss = residentBytes();
          if (rss > launch.maxResidentBytes()) {
            kill();
            throw new AnalysisFailure("memory", media.id() + ": out of memory: its worker's resident memory reached "
                + (rss >> 20) + " MB, over the limit of " + (launch.maxResidentBytes() >> 20) + " MB; the worker was replaced");
          }
        }
        continue;
      }
      if (msg == END) {
        throw died(media);
      }
      if (msg.has("unreadable")) {
        throw new AnalysisFailure("analyze", media.id() + ": the worker's reply could not be read (" + msg.get("unreadable").asText()
            + "); native output may have run into it");
      }
      if (msg.path("id").asLong() != id) {
        continue; // a reply to an earlier request this side gave up on
      }
      items++;
      if (msg.has("analysis")) {
        try {
          return AnalysisJson.MAPPER.treeToValue(msg.get("analysis"), StoredAnalysis.class);
        } catch (JsonProcessingException e) {
          throw new AnalysisFailure("analyze", media.id() + ": the worker's reply could not be read: " + e.getOriginalMessage(), e);
        }
      }
      throw new AnalysisFailure(msg.path("stage").asText("analyze"), msg.path("message").asText(media.id() + ": failed in the worker"));
    }
  }

  /** The worker's resident memory in bytes, from {@code /proc}; 0 where that cannot be read. */
  public long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process just ended
    }
    return 0;
  }

  private AnalysisFailure died(Media media) {
    ExitCause cause = exitCause();
    return new AnalysisFailure(cause.outOfMemory() ? "memory" : "crash",
        media.id() + ": " + cause.describe() + "; the item failed alone and the worker was replaced");
  }

  private ExitCause exitCause() {
    dead = true;
    int exit;
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      exit = process.waitFor();
      stdoutReader.join(2000); // the crash report may still be on its way through the pipes
      stderrReader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      exit = -1;
    }
    return ExitCause.of(exit, tail.lines(), launch.heapMegabytes());
  }

  private String lastLines() {
    List<String> lines = tail.lines();
    List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
    return last.isEmpty() ? "" : "; its last output: " + String.join(" | ", last);
  }

  private void send(JsonNode message) throws IOException {
    stdin.write(AnalysisJson.MAPPER.writeValueAsString(message));
    stdin.write('\n');
    stdin.flush();
  }

  private JsonNode poll() {
    try {
      return replies.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new TaggerException("interrupted while a worker process was starting", e);
    }
  }

  private Thread reader(String stream, InputStream in, Consumer<String> onLine) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          onLine.accept(line);
        }
      } catch (IOException e) {
        // the worker is gone
      } finally {
        if (stream.equals("stdout")) {
          replies.add(END);
        }
      }
    }, "tagger-worker-" + process.pid() + "-" + stream);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Kills the worker at once. */
  public void kill() {
    dead = true;
    process.destroyForcibly();
  }

  /** Asks the worker to end (its stdin closes) and kills it if it has not within two seconds. */
  @Override
  public void close() {
    dead = true;
    try {
      stdin.close();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "WorkerProcess[pid " + process.pid() + (isAlive() ? "" : ", ended") + "]";
  }
}
