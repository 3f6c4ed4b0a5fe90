package dev.tagger.stash;

import com.sun.net.httpserver.HttpExchange;
import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The performers of a {@link FakeStash}: found by SQL LIKE on name or alias (as Stash), unique by name and
 * disambiguation, created by {@code performerCreate}, and each one's image served at {@code image_path}
 * ({@code /performer/ID/image}; Stash's {@code ?default=true} silhouette for one without an image).
 */
public final class FakeStashPerformers {
  public static final class Performer {
    public final String id;
    public final String name;
    public final String disambiguation;
    public final List<String> aliases = new ArrayList<>();
    public volatile byte[] image;

    Performer(String id, String name, String disambiguation) {
      this.id = id;
      this.name = name;
      this.disambiguation = disambiguation;
    }
  }

  private final FakeStash stash;
  public final Map<String, Performer> byId = new LinkedHashMap<>();

  FakeStashPerformers(FakeStash stash) {
    this.stash = stash;
  }

  public synchronized Performer add(String name, String disambiguation, String... aliases) {
    for (Performer p : byId.values()) {
      if (p.name.equalsIgnoreCase(name) && String.valueOf(p.disambiguation).equalsIgnoreCase(String.valueOf(disambiguation))) {
        throw new GraphQLException("performer with name '" + name + "' and disambiguation '" + disambiguation + "' already exists");
      }
    }
    Performer p = new Performer(stash.nextId(), name, disambiguation);
    p.aliases.addAll(List.of(aliases));
    byId.put(p.id, p);
    return p;
  }

  /** The performer named exactly so, or null. */
  public synchronized Performer named(String name) {
    return byId.values().stream().filter(p -> p.name.equals(name)).findFirst().orElse(null);
  }

  @SuppressWarnings("unchecked")
  private boolean matches(Performer p, Map<String, Object> filter) {
    if (filter == null) {
      return true;
    }
    boolean own = true;
    if (filter.get("name") instanceof Map<?, ?> c) {
      own = FakeStashWiring.like((String) c.get("value"), p.name);
    }
    if (filter.get("aliases") instanceof Map<?, ?> c) {
      own = own && p.aliases.stream().anyMatch(a -> FakeStashWiring.like((String) c.get("value"), a));
    }
    if (filter.get("OR") instanceof Map<?, ?> or) {
      return own || matches(p, (Map<String, Object>) or);
    }
    return own;
  }

  private Map<String, Object> view(Performer p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id);
    m.put("name", p.name);
    m.put("disambiguation", p.disambiguation);
    m.put("alias_list", List.copyOf(p.aliases));
    m.put("image_path", stash.url() + "/performer/" + p.id + "/image" + (p.image == null ? "?default=true" : "?t=1"));
    return m;
  }

  synchronized Object find(DataFetchingEnvironment env) {
    Map<String, Object> filter = env.getArgument("performer_filter");
    Map<String, Object> page = env.getArgument("filter") == null ? Map.of() : env.getArgument("filter");
    List<Performer> all = byId.values().stream().filter(p -> matches(p, filter)).toList();
    int perPage = page.get("per_page") instanceof Number n ? n.intValue() : 25;
    int number = page.get("page") instanceof Number n ? n.intValue() : 1;
    List<Performer> slice = perPage < 0 ? all : all.subList(Math.min(all.size(), (number - 1) * perPage), Math.min(all.size(), number * perPage));
    return Map.of("count", all.size(), "performers", slice.stream().map(this::view).toList());
  }

  synchronized Object create(DataFetchingEnvironment env) {
    stash.mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    return view(add((String) input.get("name"), (String) input.get("disambiguation")));
  }

  void serveImage(HttpExchange ex) throws IOException {
    try (ex) {
      if (!stash.authorised(ex)) {
        ex.sendResponseHeaders(401, -1);
        return;
      }
      String[] parts = ex.getRequestURI().getPath().split("/");
      Performer p = parts.length > 2 ? byId.get(parts[2]) : null;
      if (p == null || p.image == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      ex.sendResponseHeaders(200, p.image.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(p.image);
      }
    }
  }
}
