package dev.tagger.cli;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.people.Cluster;
import dev.tagger.people.PeopleStore;
import dev.tagger.stash.PathMap;
import dev.tagger.stash.StashClient;
import dev.tagger.stash.StashCorrections;
import dev.tagger.stash.StashException;
import dev.tagger.stash.StashItem;
import dev.tagger.stash.StashLibrary;
import dev.tagger.stash.StashPerformers;
import dev.tagger.stash.StashTags;
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
 * each image in Stash that carries exactly one performer that a person put there (with two, which face is
 * whose is unknown; one we added is our own guess), is a named example: its largest face is named after the
 * performer ({@code Anna (1990)} for a performer with a disambiguation). A picture whose face already
 * belongs to someone else is reported and left. Downloaded performer images are deleted once read; only the
 * faces' descriptors stay, in the local people store.
 */
final class StashPeopleSeed {
  /** What a seeding did. */
  record Report(int performers, int pictures, int named, int refused) {}

  private StashPeopleSeed() {}

  static Report run(StashClient client, PathMap paths, Engine engine, PeopleStore people, FeedbackStore feedback, Path workDir, Consumer<String> log) {
    Map<String, String> examples = new LinkedHashMap<>(); // item id -> the name its largest face gets
    Map<String, Media> media = new LinkedHashMap<>();
    List<StashPerformers.StashPerformer> performers = new StashPerformers(client, false).all();
    Map<String, String> names = new LinkedHashMap<>();
    performers.forEach(p -> names.put(p.id(), StashPerformers.personName(p)));
    StashCorrections ours = new StashCorrections(feedback, new StashTags(client));
    Path downloads = workDir.resolve("performer-images");
    try {
      Files.createDirectories(downloads);
      for (StashPerformers.StashPerformer p : performers) {
        if (p.imagePath() != null) {
          try {
            Path file = downloads.resolve("performer-" + p.id());
            Files.write(file, client.download(p.imagePath()));
            Media m = Media.of(file);
            media.put(m.id(), m);
            examples.put(m.id(), StashPerformers.personName(p));
          } catch (StashException e) {
            log.accept("performer " + p.name() + ": no image read: " + e.getMessage());
          }
        }
      }
      for (StashItem image : new StashLibrary(client, 100).list(StashItem.Kind.IMAGE, StashLibrary.Filter.ALL)) {
        String performer = image.performers().size() == 1 ? image.performers().keySet().iterator().next() : null;
        if (performer != null && !ours.addedPerformers(image).contains(performer) && image.path() != null
            && Files.isRegularFile(paths.toLocal(image.path()))) {
          Media m = Media.of(paths.toLocal(image.path()));
          media.put(m.id(), m);
          examples.put(m.id(), names.getOrDefault(performer, image.performers().get(performer)));
        }
      }
      BatchSummary summary = Profile.engine(engine, dev.tagger.policy.TagPolicy.none(), false).people(people).build().tagAll(media.values());
      int named = 0;
      int refused = 0;
      Map<Long, Cluster> clusters = new LinkedHashMap<>();
      for (TagResult r : summary.results()) {
        String name = examples.get(r.path());
        if (!r.succeeded() || r.sha256() == null) {
          log.accept(r.path() + " (" + name + "): not read: " + (r.error() == null ? "?" : r.error().message()));
          refused++;
          continue;
        }
        try {
          Cluster c = people.nameLargestFace(r.sha256(), name);
          clusters.put(c.id(), c);
          named++;
        } catch (IllegalArgumentException e) {
          log.accept(r.path() + " (" + name + "): " + e.getMessage());
          refused++;
        }
      }
      clusters.values().forEach(c -> PeopleCommand.recordNames(people, feedback, c)); // once a person, not once a picture
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
