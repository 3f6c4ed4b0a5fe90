package dev.tagger.cli;

import dev.tagger.feedback.TaughtTag;
import dev.tagger.feedback.TaughtTags;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tagger taught}: lists the taught tags with their provenance. */
@Command(name = "taught", mixinStandardHelpOptions = true, description = "Lists the tags taught with 'tagger teach'.")
final class TaughtCommand implements Callable<Integer> {
  @Option(names = "--cache", paramLabel = "DIR", description = "Result store folder the taught tags live beside (default: ${DEFAULT-VALUE}).")
  Path cache = TagCommand.DEFAULT_CACHE;

  @Override
  public Integer call() {
    for (TaughtTag t : TaughtTags.in(cache).all()) {
      System.out.printf(Locale.ROOT, "%s\t%d examples\t%d without\t%s\t%s\t%s%n", t.name(), t.examples().size(), t.negatives(), t.model(),
          t.taught(), String.join(", ", t.examples().subList(0, Math.min(3, t.examples().size()))) + (t.examples().size() > 3 ? ", ..." : ""));
    }
    return 0;
  }
}
