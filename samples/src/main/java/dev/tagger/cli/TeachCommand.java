package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.TaggerException;
import dev.tagger.feedback.TaughtTag;
import dev.tagger.feedback.TaughtTags;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.ImageEmbedder;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.store.FileResultStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagger teach TAG PATH...}: teaches a tag from a few photos or videos that show it. Pictures that do
 * not show it come from {@code --negative} and from the library (the examples' folders, or {@code --library}).
 * The taught tag is kept beside the result store and applied by every later {@code tagger tag} with the same
 * {@code --cache}, as analyzer {@code taught}, through the same policy and review band.
 */
@Command(name = "teach", mixinStandardHelpOptions = true,
    description = {"Teaches a tag from a few example photos or videos; 'tagger teach --forget TAG' removes one.",
        "Exit code: 0 taught, 2 usage error, 3 cannot start (a model is missing, an example cannot be read)."})
final class TeachCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TAG", description = "The tag to teach.")
  String tag;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH", description = "Photos or videos that show it.")
  List<Path> examples = new ArrayList<>();

  @Option(names = "--negative", arity = "1..*", paramLabel = "PATH", description = "Photos or videos that do not show it.")
  List<Path> negatives = new ArrayList<>();

  @Option(names = "--library", arity = "1..*", paramLabel = "DIR", description = "Where to draw pictures without it (default: the examples' folders).")
  List<Path> library = new ArrayList<>();

  @Option(names = "--forget", description = "Remove the taught tag TAG instead.")
  boolean forget;

  @Option(names = "--cache", paramLabel = "DIR", description = "Result store folder the taught tags live beside (default: ${DEFAULT-VALUE}).")
  Path cache = TagCommand.DEFAULT_CACHE;

  @Option(names = "--models", paramLabel = "DIR", description = "Model store folder (default: $TAGGER_MODELS, else ~/.cache/tagger/models).")
  Path models;

  @Override
  public Integer call() {
    TaughtTags taught = TaughtTags.in(cache);
    if (forget) {
      boolean had = taught.forget(tag);
      System.err.println(had ? "forgot the taught tag '" + tag + "'" : "tagger teach: no taught tag '" + tag + "'");
      return had ? 0 : 2;
    }
    if (examples.isEmpty()) {
      System.err.println("tagger teach: give photos or videos that show '" + tag + "'");
      return 2;
    }
    ModelStore store = models != null ? new ModelStore(models, ModelStore.fromEnvironment().offline()) : ModelStore.fromEnvironment();
    try (ImageEmbedder embedder = ImageEmbedder.imageNet(store, new OnnxOptions(Math.max(1, Runtime.getRuntime().availableProcessors())));
        FileResultStore results = FileResultStore.open(cache)) {
      List<Media> shown = MediaWalker.walk(examples).items();
      List<Path> roots = library.isEmpty() ? shown.stream().map(m -> m.path().toAbsolutePath().getParent()).distinct().toList() : library;
      Teacher teacher = new Teacher(embedder, results);
      TaughtTag t = teacher.teach(tag, shown, MediaWalker.walk(negatives).items(), MediaWalker.walk(roots).items());
      taught.put(t);
      System.err.printf(Locale.ROOT, "taught '%s' from %d examples against %d pictures without it (%d read from the result store); kept in %s%n",
          tag, shown.size(), t.negatives(), teacher.reused(), cache.resolve(TaughtTags.FILE));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("tagger teach: " + e.getMessage() + "; give --negative or --library");
      return 2;
    } catch (TaggerException e) {
      System.err.println("tagger teach: " + e.getMessage());
      return TagCommand.CANNOT_START;
    }
  }
}
