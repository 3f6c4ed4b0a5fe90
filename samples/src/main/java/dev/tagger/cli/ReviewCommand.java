package dev.tagger.cli;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.TaggerException;
import dev.tagger.feedback.Feedback;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.ReviewQueue;
import dev.tagger.feedback.Verdict;
import dev.tagger.store.FileResultStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagger review PATH...}: walks the review list in a terminal, most informative question first
 * ({@link ReviewQueue}), and records each answer as feedback: {@code a} accept, {@code r} reject, {@code n}
 * rename (then the new name and Enter), {@code s} skip, {@code q} quit. In a terminal one key answers; piped
 * input gives one answer a line.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = {"Asks you about the tags the tagger was unsure of, most informative first, and learns from your answers.",
        "Keys: a accept, r reject, n rename, s skip, q quit."})
final class ReviewCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders whose review tags to walk.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--cache", paramLabel = "DIR", description = "Result and feedback store folder (default: ${DEFAULT-VALUE}).")
  Path cache = TagCommand.DEFAULT_CACHE;

  @Option(names = "--models", paramLabel = "DIR", description = "Model store folder (default: $TAGGER_MODELS, else ~/.cache/tagger/models).")
  Path models;

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME", description = "Analyzers, as for 'tagger tag' (default: ${DEFAULT-VALUE}).")
  List<String> analyzers = List.of(Profile.DEFAULT_ANALYZER_LIST.split(","));

  @Option(names = "--max", paramLabel = "N", description = "Ask at most this many questions (default: ${DEFAULT-VALUE}).")
  int max = 50;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    AnalyzerName.parseAll(analyzers);
    List<Media> items = MediaWalker.walk(paths).items();
    AnalysisSpec spec = AnalysisSpec.defaults(analyzers, Math.max(1, Runtime.getRuntime().availableProcessors() / 2)).withModels(models).withTaught(cache);
    try (Engine engine = Engine.open(spec, Engine.Isolation.IN_PROCESS);
        FileResultStore results = FileResultStore.open(cache);
        FeedbackStore people = FeedbackStore.open(cache)) {
      dev.tagger.sink.InMemorySink found = new dev.tagger.sink.InMemorySink();
      BatchSummary summary = Profile.engine(engine, Profile.policy(dev.tagger.policy.PolicyOptions.DEFAULT.minConfidence(),
              dev.tagger.policy.PolicyOptions.DEFAULT.reviewFrom()), true)
          .resultStore(results).feedback(people).sink(found).build().tagAll(items);
      List<ReviewQueue.Entry> queue = ReviewQueue.order(found.results(), people);
      out.printf(Locale.ROOT, "%d items, %d questions; a accept, r reject, n rename, s skip, q quit%n", summary.total(), queue.size());
      int answered = 0;
      try (Keys keys = Keys.open()) {
        for (ReviewQueue.Entry e : queue.subList(0, Math.min(max, queue.size()))) {
          out.printf(Locale.ROOT, "%s: %s (%.2f)? ", e.path(), e.tag().name(), e.acceptance());
          out.flush();
          char key = keys.next();
          out.println(key == 0 || keys.raw ? "" : String.valueOf(key)); // a terminal echoes the key itself
          Verdict verdict = switch (key) {
            case 'a' -> Verdict.ACCEPT;
            case 'r' -> Verdict.REJECT;
            case 'n' -> Verdict.RENAME;
            case 's' -> null;
            default -> null;
          };
          if (key == 'q' || key == 0) {
            break;
          }
          if (verdict == null) {
            continue;
          }
          String renameTo = null;
          if (verdict == Verdict.RENAME) {
            out.print("  new name: ");
            out.flush();
            String typed = keys.line();
            renameTo = typed == null ? "" : typed.strip();
            if (renameTo.isEmpty()) {
              continue;
            }
          }
          people.record(new Feedback(e.sha256(), e.path(), e.tag().name(), verdict, renameTo, e.tag().confidence(), "review", Instant.now()));
          answered++;
        }
      }
      out.printf(Locale.ROOT, "recorded %d answers%n", answered);
      return 0;
    } catch (TaggerException e) {
      System.err.println("tagger review: " + e.getMessage());
      return TagCommand.CANNOT_START;
    }
  }

  /** Answers from the keyboard: one key in a terminal (the tty in non-canonical mode), else one line each. */
  private static final class Keys implements AutoCloseable {
    private final boolean raw;
    private final InputStream in = System.in;

    private Keys(boolean raw) {
      this.raw = raw;
    }

    static Keys open() {
      return new Keys(System.console() != null && stty("-icanon min 1"));
    }

    /** The next answer's first letter, lower-case; 0 at the end of input. */
    char next() throws IOException {
      if (raw) {
        int c = in.read();
        return c < 0 ? 0 : Character.toLowerCase((char) c);
      }
      String line = line();
      return line == null ? 0 : line.isBlank() ? 's' : Character.toLowerCase(line.strip().charAt(0));
    }

    /** The next line, without its end; null at the end of input. */
    String line() throws IOException {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        b.write(c);
      }
      return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8).replace("\r", "");
    }

    private static boolean stty(String mode) {
      try {
        return new ProcessBuilder("sh", "-c", "stty " + mode + " < /dev/tty").inheritIO().start().waitFor() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public void close() {
      if (raw) {
        stty("icanon");
      }
    }
  }
}
