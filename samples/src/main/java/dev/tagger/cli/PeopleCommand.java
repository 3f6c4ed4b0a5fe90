package dev.tagger.cli;

import dev.tagger.TaggerException;
import dev.tagger.feedback.Feedback;
import dev.tagger.feedback.FeedbackStore;
import dev.tagger.feedback.Verdict;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.model.Hashing;
import dev.tagger.people.Cluster;
import dev.tagger.people.Face;
import dev.tagger.people.PeopleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagger people [list] | name CLUSTER NAME | name NAME --from PHOTO | merge A B | split CLUSTER PHOTO |
 * forget NAME}: the people the {@code people} analyzer found, in the people store beside the cache. Names
 * are recorded as feedback too.
 */
@Command(name = "people", mixinStandardHelpOptions = true,
    description = {"Lists the people found in your photos and videos (tag with --analyzers ...,people first), and names, merges, splits or forgets them.",
        "Exit code: 0 done, 2 usage error or a bad request (an unknown cluster or person, a name already taken)."})
final class PeopleCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "ACTION", description = "list (default), name CLUSTER NAME, name NAME --from PHOTO, merge A B, split CLUSTER PHOTO, forget NAME")
  List<String> words = new ArrayList<>();

  @Option(names = "--from", paramLabel = "PHOTO", description = "With 'name NAME': the photo whose largest face is that person.")
  Path from;

  @Option(names = "--crops", paramLabel = "DIR", description = "With 'list': write a face crop of each cluster here.")
  Path crops;

  @Option(names = "--cache", paramLabel = "DIR", description = "The result store folder the people store lives beside (default: ${DEFAULT-VALUE}).")
  Path cache = TagCommand.DEFAULT_CACHE;

  @Override
  public Integer call() throws Exception {
    String action = words.isEmpty() ? "list" : words.get(0);
    try (PeopleStore people = PeopleStore.open(cache, PeopleStore.Settings.DEFAULT); FeedbackStore feedback = FeedbackStore.open(cache)) {
      switch (action) {
        case "list" -> list(people);
        case "name" -> {
          Cluster c = from != null ? nameFromPhoto(people, arg(1), from) : people.name(number(arg(1)), arg(2));
          recordNames(people, feedback, c);
          System.out.printf(Locale.ROOT, "cluster %d is %s (%d faces)%n", c.id(), c.name(), people.members(c.id()).size());
        }
        case "merge" -> {
          Cluster c = people.merge(number(arg(1)), number(arg(2)));
          System.out.printf(Locale.ROOT, "cluster %d now holds %d faces%n", c.id(), people.members(c.id()).size());
        }
        case "split" -> {
          Cluster c = people.split(number(arg(1)), Hashing.sha256(Path.of(arg(2))));
          System.out.printf(Locale.ROOT, "the faces of %s are cluster %d now%n", arg(2), c.id());
        }
        case "forget" -> { // the name's feedback goes too: nothing of the person stays
          int faces = people.forget(arg(1));
          System.out.printf(Locale.ROOT, "forgot %s: %d faces and %d records of the name deleted%n", arg(1), faces, feedback.forgetLabel(arg(1)));
        }
        default -> throw new IllegalArgumentException("unknown action '" + action + "'; known: list, name, merge, split, forget");
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("tagger people: " + e.getMessage());
      return 2;
    } catch (TaggerException e) {
      System.err.println("tagger people: " + e.getMessage());
      return TagCommand.CANNOT_START;
    }
  }

  private void list(PeopleStore people) throws Exception {
    if (crops != null) {
      Files.createDirectories(crops);
    }
    for (Cluster c : people.clusters()) {
      List<Face> faces = people.members(c.id());
      List<String> sample = faces.stream().map(f -> f.path() == null ? f.sha256() : f.path()).distinct().limit(3).toList();
      String crop = "";
      if (crops != null && faces.get(0).path() != null && Files.isRegularFile(Path.of(faces.get(0).path()))) {
        Path out = crops.resolve("cluster-" + c.id() + ".png");
        FaceCrops.write(new FfmpegMediaDecoder(1), faces.get(0), out);
        crop = "\t" + out;
      }
      System.out.printf(Locale.ROOT, "%d\t%s\t%d faces\t%s%s%n", c.id(), c.name() == null ? "(unnamed)" : c.name(), faces.size(),
          String.join(", ", sample), crop);
    }
  }

  private static Cluster nameFromPhoto(PeopleStore people, String name, Path photo) {
    String sha = Hashing.sha256(photo);
    if (people.faces(sha).isEmpty()) {
      throw new IllegalArgumentException("no face of " + photo + " is known; tag it with --analyzers ...,people first");
    }
    return people.nameLargestFace(sha, name);
  }

  /** Each face of a named person counts as that name added by a person, on its item. */
  static void recordNames(PeopleStore people, FeedbackStore feedback, Cluster c) {
    List<Feedback> said = new ArrayList<>();
    people.members(c.id()).stream().map(Face::sha256).distinct()
        .forEach(sha -> said.add(Feedback.of(sha, c.name(), Verdict.ADDED, "people")));
    feedback.record(said);
  }

  private String arg(int i) {
    if (words.size() <= i) {
      throw new IllegalArgumentException("'" + String.join(" ", words) + "' needs more: see tagger people --help");
    }
    return words.get(i);
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a cluster number; 'tagger people' lists them");
    }
  }
}
