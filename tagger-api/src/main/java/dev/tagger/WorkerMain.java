package dev.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.internal.AnalysisFailure;
import dev.tagger.internal.AnalysisJson;
import dev.tagger.internal.ItemAnalysis;
import dev.tagger.internal.WorkerProcess;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * A worker process's main: builds the analysis from the {@link WorkerSetup} named by its argument, says it
 * is ready, then analyzes the items it reads from stdin one at a time and writes each result to stdout,
 * until stdin closes. Nothing but the protocol reaches stdout ({@code System.out} goes to stderr).
 */
final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    try {
      // Ctrl-C reaches the whole process group: the parent decides (it stops after the items in hand), not the worker
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException e) {
      // not on this platform: Ctrl-C then ends the worker's item too
    }
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String first = in.readLine();
    if (first == null) {
      System.exit(0);
    }
    WorkerSetup setup;
    ItemAnalysis analysis;
    try {
      setup = (WorkerSetup) Class.forName(args[0]).getDeclaredConstructor().newInstance();
      Tagger.Builder builder = Tagger.builder();
      setup.configure(builder, AnalysisJson.MAPPER.readTree(first).path("configuration").asText(""));
      analysis = builder.localAnalysis();
    } catch (Exception | LinkageError e) {
      String why = e instanceof TaggerException || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
      reply(protocol, AnalysisJson.MAPPER.createObjectNode().put("failed", why == null ? e.toString() : why));
      System.exit(1);
      return;
    }
    reply(protocol, AnalysisJson.MAPPER.createObjectNode().put("ready", analysis.fingerprint()));
    for (String line; (line = in.readLine()) != null; ) {
      JsonNode request = AnalysisJson.MAPPER.readTree(line);
      reply(protocol, analyze(analysis, request));
    }
    if (setup instanceof AutoCloseable c) {
      c.close();
    }
    System.exit(0); // analyzers may have left threads that are not daemons
  }

  private static ObjectNode analyze(ItemAnalysis analysis, JsonNode request) {
    ObjectNode reply = AnalysisJson.MAPPER.createObjectNode().put("id", request.path("id").asLong());
    Media media;
    try {
      media = media(request);
    } catch (RuntimeException e) {
      return reply.put("stage", "read").put("message", request.path("path").asText(request.path("uri").asText()) + ": " + e.getMessage());
    }
    try {
      MediaKind kind = MediaKind.valueOf(request.path("kind").asText());
      reply.set("analysis", AnalysisJson.MAPPER.valueToTree(analysis.analyze(media, kind, () -> false)));
    } catch (AnalysisFailure e) {
      reply.put("stage", e.stage()).put("message", e.getMessage());
    } catch (CancellationException e) {
      reply.put("stage", "cancelled").put("message", media.id() + ": cancelled before it finished");
    } catch (OutOfMemoryError e) {
      throw e; // -XX:+ExitOnOutOfMemoryError ends the worker; the parent reports it
    } catch (Throwable e) { // a linkage error, an assertion: the item fails, the worker answers and goes on
      reply.put("stage", "analyze").put("message", media.id() + ": unexpected failure: " + e);
    }
    return reply;
  }

  private static Media media(JsonNode request) {
    Media.Builder b = Media.builder(request.has("path") ? Path.of(request.get("path").asText())
        : Path.of(URI.create(request.path("uri").asText())));
    if (request.hasNonNull("title")) {
      b.title(request.get("title").asText());
    }
    if (request.hasNonNull("description")) {
      b.description(request.get("description").asText());
    }
    List<String> tags = new ArrayList<>();
    request.path("existingTags").forEach(t -> tags.add(t.asText()));
    return b.existingTags(tags).build();
  }

  private static void reply(PrintStream protocol, JsonNode message) {
    protocol.print(WorkerProcess.PREFIX + message + "\n");
    protocol.flush();
  }
}
