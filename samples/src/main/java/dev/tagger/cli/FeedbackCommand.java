package dev.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagger.feedback.Feedback;
import dev.tagger.feedback.FeedbackJson;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.Verdict;
import dev.tagger.feedback.Written;
import dev.tagger.feedback.WrittenTagsSink;
import dev.tagger.model.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagger feedback import FILE | export}: corrections in and out of the feedback store beside the
 * result store. Each line of an import is checked on its own; a bad line is reported with its number and
 * why, and the others are imported.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
    description = {"Imports corrections (JSON Lines: sha256 or path, tag, verdict accept|reject|rename|added, renameTo) or exports them.",
        "Exit code: 0 every line imported, 1 some lines rejected, 2 usage error, 3 cannot open the store."})
final class FeedbackCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "import or export")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "For import: the JSON Lines file.")
  Path file;

  @Option(names = "--cache", paramLabel = "DIR", description = "The result store folder the feedback lives in (default: ${DEFAULT-VALUE}).")
  Path cache = TagCommand.DEFAULT_CACHE;

  @Override
  public Integer call() throws IOException {
    if (action.equals("export")) {
      try (FeedbackStore store = FeedbackStore.open(cache)) {
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        store.export(out);
        out.flush();
        return 0;
      }
    }
    if (!action.equals("import") || file == null) {
      System.err.println("tagger feedback: say 'import FILE' or 'export'");
      return 2;
    }
    if (!Files.isRegularFile(file)) {
      System.err.println("tagger feedback: no file " + file);
      return 2;
    }
    List<Feedback> good = new ArrayList<>();
    int rejected = 0;
    try (FeedbackStore store = FeedbackStore.open(cache); BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line; (line = in.readLine()) != null; ) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          good.add(check(store, FeedbackJson.tree(line)));
        } catch (IllegalArgumentException e) {
          rejected++;
          System.err.println(file + ":" + number + ": " + e.getMessage() + "; line not imported");
        }
      }
      store.record(good);
    }
    System.err.printf("imported %d corrections, rejected %d lines%n", good.size(), rejected);
    return rejected == 0 ? 0 : 1;
  }

  /** A line's correction, once its item is known and its tag is one the tagger gave that item. */
  private static Feedback check(FeedbackStore store, JsonNode line) {
    String sha = line.path("sha256").asText("");
    if (sha.isBlank()) {
      if (!line.hasNonNull("path")) {
        throw new IllegalArgumentException("names no item: give \"sha256\" or \"path\"");
      }
      Path p = Path.of(line.get("path").asText());
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("unknown item: no file at " + p + " and no \"sha256\"");
      }
      sha = Hashing.sha256(p);
    }
    Feedback f = FeedbackJson.parse(line, sha, "file");
    Optional<Written> tagged = store.written(WrittenTagsSink.SINK, sha);
    if (tagged.isEmpty()) {
      throw new IllegalArgumentException("unknown item " + (f.path() != null ? f.path() : sha) + ": it was never tagged with this --cache");
    }
    if (f.verdict() != Verdict.ADDED && tagged.get().tags().keySet().stream().noneMatch(t -> t.equalsIgnoreCase(f.tag().strip()))) {
      throw new IllegalArgumentException("unknown tag '" + f.tag() + "': the tagger never gave it to this item (it gave "
          + String.join(", ", tagged.get().tags().keySet()) + ")");
    }
    return f.confidence() == null && tagged.get().tags().containsKey(f.tag()) ? f.withConfidence(tagged.get().tags().get(f.tag())) : f;
  }
}
