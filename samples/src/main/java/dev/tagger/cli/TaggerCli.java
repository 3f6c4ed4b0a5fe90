package dev.tagger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/tagger}. */
@Command(name = "tagger", mixinStandardHelpOptions = true, version = "tagger 0.1.0",
    description = "Tags media with local AI models.",
    subcommands = {TagCommand.class, WatchCommand.class, SearchCommand.class, StashCommand.class, EvalCommand.class, FeedbackCommand.class, ReviewCommand.class, TeachCommand.class, TaughtCommand.class, PeopleCommand.class, SparkCommand.class})
public final class TaggerCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code: 0 all tagged, 1 some items failed, 2 usage error. */
  public static int run(String... args) {
    return new CommandLine(new TaggerCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("tagger: " + e.getMessage());
          return 2;
        })
        .execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'tagger tag PATH...'");
  }
}
