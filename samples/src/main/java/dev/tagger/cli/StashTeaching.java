package dev.tagger.cli;

import dev.tagger.Media;
import dev.tagger.feedback.TaughtTag;
import dev.tagger.feedback.TaughtTags;
import dev.tagger.model.ModelStore;
import dev.tagger.onnx.ImageEmbedder;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.stash.PathMap;
import dev.tagger.stash.StashClient;
import dev.tagger.stash.StashItem;
import dev.tagger.stash.StashLibrary;
import dev.tagger.stash.StashTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Teaching from Stash: every tag a person placed under {@code AI_teach} is taught from the images and scenes
 * that carry it, against other images of the library, before a run tags; a tag whose examples did not change
 * since it was taught is left as it is (so the result cache stays valid).
 */
final class StashTeaching {
  /** Fewest examples a tag needs before it is taught. */
  static final int MIN_EXAMPLES = 3;

  private StashTeaching() {}

  /** Teaches what needs teaching; returns the names taught this time. */
  static List<String> run(StashClient client, PathMap paths, ModelStore store, Path taughtDir, Consumer<String> log) {
    StashTags tags = new StashTags(client);
    List<StashTags.StashTag> wanted = tags.childrenOf(tags.teachTag().id());
    if (wanted.isEmpty()) {
      return List.of();
    }
    StashLibrary library = new StashLibrary(client, 100);
    TaughtTags taught = TaughtTags.in(taughtDir);
    List<String> done = new ArrayList<>();
    List<Media> others = local(paths, library.list(StashItem.Kind.IMAGE, StashLibrary.Filter.ALL));
    try (ImageEmbedder embedder = ImageEmbedder.imageNet(store, new OnnxOptions(1))) {
      Teacher teacher = new Teacher(embedder, null);
      for (StashTags.StashTag t : wanted) {
        List<Media> examples = new ArrayList<>();
        for (StashItem.Kind kind : List.of(StashItem.Kind.IMAGE, StashItem.Kind.SCENE)) {
          examples.addAll(local(paths, library.list(kind, new StashLibrary.Filter(null, null, t.id()))));
        }
        if (examples.size() < MIN_EXAMPLES) {
          log.accept("not teaching '" + t.name() + "' yet: it is on " + examples.size() + " items here, it needs " + MIN_EXAMPLES);
          continue;
        }
        Optional<TaughtTag> before = taught.get(t.name());
        List<String> ids = examples.stream().map(Media::id).toList();
        if (before.isPresent() && before.get().examples().equals(ids)) {
          continue;
        }
        taught.put(teacher.teach(t.name(), examples, List.of(), others));
        done.add(t.name());
        log.accept("taught '" + t.name() + "' from " + examples.size() + " items");
      }
    }
    return done;
  }

  private static List<Media> local(PathMap paths, List<StashItem> items) {
    List<Media> out = new ArrayList<>();
    for (StashItem i : items) {
      if (i.path() != null) {
        Path p = paths.toLocal(i.path());
        if (Files.isRegularFile(p)) {
          out.add(Media.of(p));
        }
      }
    }
    return out;
  }
}
