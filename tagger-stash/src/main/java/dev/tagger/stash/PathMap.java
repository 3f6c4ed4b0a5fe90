package dev.tagger.stash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps file paths as Stash sees them to paths on this machine, when Stash runs elsewhere (a container, a
 * NAS): the longest matching {@code FROM=TO} prefix wins; paths no rule matches stay as they are.
 */
public final class PathMap {
  private record Rule(String from, String to) {}

  private final List<Rule> rules = new ArrayList<>();

  /** Rules written {@code FROM=TO}, e.g. {@code /data=/mnt/nas/media}. */
  public static PathMap parse(List<String> rules) {
    PathMap map = new PathMap();
    for (String r : rules) {
      int eq = r.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("path map rule must be FROM=TO, got '" + r + "'");
      }
      map.rules.add(new Rule(r.substring(0, eq), r.substring(eq + 1)));
    }
    map.rules.sort((a, b) -> Integer.compare(b.from().length(), a.from().length()));
    return map;
  }

  public Path toLocal(String stashPath) {
    for (Rule r : rules) {
      if (stashPath.startsWith(r.from()) && (stashPath.length() == r.from().length() || r.from().endsWith("/")
          || stashPath.charAt(r.from().length()) == '/')) {
        return Path.of(r.to() + stashPath.substring(r.from().length()));
      }
    }
    return Path.of(stashPath);
  }

  /** The path Stash has for a file this machine sees at {@code local}: {@link #toLocal} the other way. */
  public String toStash(String local) {
    Rule best = null;
    for (Rule r : rules) {
      if (local.startsWith(r.to()) && (local.length() == r.to().length() || r.to().endsWith("/") || local.charAt(r.to().length()) == '/')
          && (best == null || r.to().length() > best.to().length())) {
        best = r;
      }
    }
    return best == null ? local : best.from() + local.substring(best.to().length());
  }
}
