package dev.tagger.cli;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.people.Cluster;
import dev.tagger.people.PeopleStore;
import dev.tagger.stash.PathMap;
import dev.tagger.stash.StashClient;
import dev.tagger.stash.StashException;
import dev.tagger.stash.StashItem;
import dev.tagger.stash.StashLibrary;
import dev.tagger.stash.StashPerformers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code stash people seed}: the performers Stash knows become named people. Each performer's own image, and
 * each image in Stash that carries exactly one performer (with two, which face is whose is unknown), is a
 * named example: its largest face is named after the performer. A picture whose face already belongs to
 * someone else is reported and left. Downloaded performer images are deleted once read; only the faces'
 * descriptors stay, in the local people store.
 */
final class StashPeopleSeed {
  /** What a seeding did. */
  record Report(int performers, int pictures, int named, int refused) {}

  private StashPeopleSeed() {}

  static Report run(StashClient client, PathMap paths, Engine engine, PeopleStore people, FeedbackStore feedback, Path workDir, Consumer<String> log) {
    Map<Media, String> examples = new LinkedHashMap<>();
    List<StashPerformers.StashPerformer> performers = new StashPerformers(client, false).all();
    Map<String, String> names = new LinkedHashMap<>();
    performers.forEach(p -> names.put(p.id(), p.name()));
    Path downloads = workDir.resolve("performer-images");
    try {
      Files.createDirectories(downloads);
      for (StashPerformers.StashPerformer p : performers) {
        if (p.imagePath() != null) {
          try {
            Path file = downloads.resolve("performer-" + p.id());
            Files.write(file, client.download(p.imagePath()));
            examples.put(Media.of(file), p.name());
          } catch (StashException e) {
            log.accept("performer " + p.name() + ": no image read: " + e.getMessage());
          }
        }
      }
      for (StashItem image : new StashLibrary(client, 100).list(StashItem.Kind.IMAGE, StashLibrary.Filter.ALL)) {
        if (image.performers().size() == 1 && image.path() != null && Files.isRegularFile(paths.toLocal(image.path()))) {
          examples.put(Media.of(paths.toLocal(image.path())), names.getOrDefault(image.performers().keySet().iterator().next(),
              image.performers().values().iterator().next()));
        }
      }
      BatchSummary summary = Profile.engine(engine, dev.tagger.policy.TagPolicy.none(), false).people(people).build().tagAll(examples.keySet());
      int named = 0;
      int refused = 0;
      for (TagResult r : summary.results()) {
        String name = examples.entrySet().stream().filter(e -> e.getKey().id().equals(r.path())).map(Map.Entry::getValue).findFirst().orElseThrow();
        if (!r.succeeded() || r.sha256() == null) {
          log.accept(r.path() + " (" + name + "): not read: " + (r.error() == null ? "?" : r.error().message()));
          refused++;
          continue;
        }
        try {
          Cluster c = people.nameLargestFace(r.sha256(), name);
          PeopleCommand.recordNames(people, feedback, c);
          named++;
        } catch (IllegalArgumentException e) {
          log.accept(r.path() + " (" + name + "): " + e.getMessage());
          refused++;
        }
      }
      return new Report(performers.size(), examples.size(), named, refused);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep performer images in " + downloads + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(downloads);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // best effort: the folder holds only pictures Stash serves anyway
    }
  }

}
