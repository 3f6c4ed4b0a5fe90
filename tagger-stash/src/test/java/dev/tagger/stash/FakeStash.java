package dev.tagger.stash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM Stash over the real schema (graphql-java, in-memory data) for the operations we use. Behaves
 * like Stash where it matters: name filters are SQL LIKE (case-insensitive, {@code _} and {@code %}
 * wildcards), names and aliases are unique across tags, bulk updates honour ADD, REMOVE and SET, the
 * {@code ApiKey} header is checked. Faults can be injected: a share of requests answered 500, stalled
 * past the client's timeout, or dropped without an answer.
 */
public final class FakeStash implements AutoCloseable {
  public static final class Tag {
    public final String id;
    public String name;
    final List<String> aliases = new ArrayList<>();
    public final Set<String> parents = new LinkedHashSet<>();
    boolean ignoreAutoTag;

    Tag(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  public static final class Item {
    public final String id;
    public final String path;
    public final Set<String> tags = new LinkedHashSet<>();
    public final Set<String> performers = new LinkedHashSet<>();
    public final List<Map<String, Object>> markers = new ArrayList<>();
    /** Bulk updates that named this item. */
    public final AtomicInteger writes = new AtomicInteger();
    /** The scene's details (its description), null when it has none. */
    public volatile String details;

    Item(String id, String path) {
      this.id = id;
      this.path = path;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Without TCP_NODELAY every request waits ~40 ms on delayed ACKs; real Stash (Go) sets it.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public final Map<String, Tag> tags = new LinkedHashMap<>();
  public final FakeStashPerformers performers = new FakeStashPerformers(this);
  public final Map<String, Item> scenes = new LinkedHashMap<>();
  public final Map<String, Item> images = new LinkedHashMap<>();
  public final Map<String, Item> galleries = new LinkedHashMap<>();
  /** Image id → the galleries holding it. */
  public final Map<String, List<String>> imageGalleries = new LinkedHashMap<>();
  private int nextMarker = 1;
  public final AtomicInteger requests = new AtomicInteger();
  public final AtomicInteger mutations = new AtomicInteger();
  private final String apiKey;
  private final HttpServer server;
  private final GraphQL graphql;
  private final Random random = new Random(11);
  private int nextId = 1;
  public volatile double failShare;
  /** A share of requests that Stash carries out and then answers HTTP 500 (committed, answer lost). */
  public volatile double failAfterCommitShare;
  /** How many of the next mutations are carried out and then answered HTTP 500. */
  public final AtomicInteger mutationsToLoseAnswers = new AtomicInteger();
  /** What {@code configuration { plugins }} answers: plugin id → its settings. */
  public volatile Map<String, Object> pluginSettings = Map.of();
  public volatile long stallMillis;

  public FakeStash(String apiKey) throws IOException {
    this.apiKey = apiKey;
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .wiringFactory(FakeStashWiring.factory())
        .type("Query", b -> b.dataFetcher("version", env -> Map.of("version", "v0.0.0-fake"))
            .dataFetcher("configuration", env -> Map.of("plugins", pluginSettings))
            .dataFetcher("findTags", this::findTags)
            .dataFetcher("findScenes", env -> find(env, scenes, "scene_filter", "scenes"))
            .dataFetcher("findScene", env -> scenes.containsKey((String) env.getArgument("id"))
                ? itemView(scenes.get((String) env.getArgument("id"))) : null)
            .dataFetcher("findImages", env -> find(env, images, "image_filter", "images"))
            .dataFetcher("findGalleries", env -> find(env, galleries, "gallery_filter", "galleries"))
            .dataFetcher("findPerformers", performers::find))
        .type("Mutation", b -> b.dataFetcher("tagCreate", this::tagCreate).dataFetcher("tagUpdate", this::tagUpdate)
            .dataFetcher("bulkSceneUpdate", env -> bulk(env, scenes)).dataFetcher("bulkImageUpdate", env -> bulk(env, images))
            .dataFetcher("bulkGalleryUpdate", env -> bulk(env, galleries))
            .dataFetcher("sceneMarkerCreate", this::markerCreate).dataFetcher("sceneMarkerDestroy", this::markerDestroy)
            .dataFetcher("performerCreate", performers::create)
            .dataFetcher("sceneUpdate", this::sceneUpdate))
        .build();
    Map<String, graphql.execution.preparsed.PreparsedDocumentEntry> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    graphql = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(StashSchema.registry(), wiring))
        .preparsedDocumentProvider((input, parse) -> java.util.concurrent.CompletableFuture.completedFuture(
            parsed.computeIfAbsent(input.getQuery(), q -> parse.apply(input))))
        .build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/graphql", this::handle);
    server.createContext("/performer/", performers::serveImage);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized Tag addTag(String name, String... aliases) {
    Tag t = new Tag(String.valueOf(nextId++), name);
    t.aliases.addAll(List.of(aliases));
    tags.put(t.id, t);
    return t;
  }

  public synchronized Item addScene(String id, String path, String... tagIds) {
    Item i = new Item(id, path);
    i.tags.addAll(List.of(tagIds));
    scenes.put(id, i);
    return i;
  }

  public synchronized Item addImage(String id, String path, String... tagIds) {
    Item i = new Item(id, path);
    i.tags.addAll(List.of(tagIds));
    images.put(id, i);
    return i;
  }

  public synchronized Item addGallery(String id, String... imageIds) {
    Item g = new Item(id, "/galleries/" + id);
    galleries.put(id, g);
    for (String image : imageIds) {
      imageGalleries.computeIfAbsent(image, k -> new ArrayList<>()).add(id);
    }
    return g;
  }

  /** The tag and its descendants. */
  public Set<String> withDescendants(String id) {
    Set<String> out = new LinkedHashSet<>(List.of(id));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Tag t : tags.values()) {
        if (!out.contains(t.id) && t.parents.stream().anyMatch(out::contains)) {
          grew = out.add(t.id);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private boolean itemMatches(Item item, Map<String, Object> filter) {
    if (filter == null) {
      return true;
    }
    if (filter.get("tags") instanceof Map<?, ?> c) {
      Set<String> wanted = new LinkedHashSet<>();
      int depth = c.get("depth") instanceof Number d ? d.intValue() : 0;
      for (String v : (List<String>) c.get("value")) {
        wanted.addAll(depth == 0 ? Set.of(v) : withDescendants(v));
      }
      boolean any = item.tags.stream().anyMatch(wanted::contains);
      if ("EXCLUDES".equals(String.valueOf(c.get("modifier"))) ? any : !any) {
        return false;
      }
    }
    if (filter.get("path") instanceof Map<?, ?> c && !item.path.toLowerCase().contains(((String) c.get("value")).toLowerCase())) {
      return false;
    }
    return !(filter.get("AND") instanceof Map<?, ?> and) || itemMatches(item, (Map<String, Object>) and);
  }

  private Map<String, Object> itemView(Item i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id);
    m.put("title", null);
    m.put("details", i.details);
    m.put("files", List.of(Map.of("path", i.path)));
    m.put("visual_files", List.of(Map.of("path", i.path)));
    m.put("tags", i.tags.stream().map(t -> Map.of("id", t, "name", tags.get(t).name)).toList());
    m.put("scene_markers", List.copyOf(i.markers));
    m.put("galleries", imageGalleries.getOrDefault(i.id, List.of()).stream().map(g -> Map.of("id", g)).toList());
    m.put("performers", i.performers.stream().map(p -> Map.of("id", p, "name", performers.byId.get(p).name)).toList());
    return m;
  }

  @SuppressWarnings("unchecked")
  private Object find(DataFetchingEnvironment env, Map<String, Item> items, String filterName, String listName) {
    Map<String, Object> filter = env.getArgument(filterName);
    Map<String, Object> page = env.getArgument("filter") == null ? Map.of() : env.getArgument("filter");
    List<Item> all;
    synchronized (this) { // items may be added while a client reads
      all = items.values().stream().filter(i -> itemMatches(i, filter)).toList();
    }
    int perPage = page.get("per_page") instanceof Number n ? n.intValue() : 25;
    int p = page.get("page") instanceof Number n ? n.intValue() : 1;
    List<Item> slice = perPage < 0 ? all : all.subList(Math.min(all.size(), (p - 1) * perPage), Math.min(all.size(), p * perPage));
    return Map.of("count", all.size(), listName, slice.stream().map(this::itemView).toList());
  }

  @SuppressWarnings("unchecked")
  private synchronized Object sceneUpdate(DataFetchingEnvironment env) {
    mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    Item scene = scenes.get((String) input.get("id"));
    if (scene == null) {
      return null;
    }
    if (input.containsKey("details")) {
      scene.details = (String) input.get("details");
    }
    scene.writes.incrementAndGet();
    return itemView(scene);
  }

  private Object markerCreate(DataFetchingEnvironment env) {
    mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    Item scene = scenes.get((String) input.get("scene_id"));
    if (scene == null || !tags.containsKey((String) input.get("primary_tag_id"))) {
      throw new GraphQLException("scene or primary tag not found");
    }
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("id", "m" + nextMarker++);
    marker.put("title", input.get("title"));
    marker.put("seconds", ((Number) input.get("seconds")).doubleValue());
    marker.put("end_seconds", input.get("end_seconds"));
    marker.put("primary_tag", Map.of("id", input.get("primary_tag_id")));
    scene.markers.add(marker);
    return Map.of("id", marker.get("id"));
  }

  private Object markerDestroy(DataFetchingEnvironment env) {
    mutations.incrementAndGet();
    String id = env.getArgument("id");
    return scenes.values().stream().anyMatch(s -> s.markers.removeIf(m -> m.get("id").equals(id)));
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      if (random.nextDouble() < failShare) {
        switch (random.nextInt(3)) {
          case 0 -> {
            ex.sendResponseHeaders(500, -1);
            return;
          }
          case 1 -> {
            FakeStashWiring.sleep(stallMillis);
            ex.sendResponseHeaders(503, -1);
            return;
          }
          default -> {
            return; // dropped: closed without an answer
          }
        }
      }
      if (!authorised(ex)) {
        ex.sendResponseHeaders(401, -1);
        return;
      }
      Map<?, ?> body = JSON.readValue(ex.getRequestBody(), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = body.get("variables") == null ? Map.of() : (Map<String, Object>) body.get("variables");
      byte[] out;
      try {
        ExecutionResult result;
        synchronized (this) {
          result = graphql.execute(ExecutionInput.newExecutionInput((String) body.get("query")).variables(variables).build());
        }
        out = JSON.writeValueAsBytes(result.toSpecification());
      } catch (RuntimeException e) {
        ex.sendResponseHeaders(500, -1); // as a crashing server would
        return;
      }
      boolean mutation = String.valueOf(body.get("query")).strip().startsWith("mutation");
      if (random.nextDouble() < failAfterCommitShare || mutation && mutationsToLoseAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        ex.sendResponseHeaders(500, -1); // done, but the answer is lost
        return;
      }
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private Map<String, Object> view(Tag t) {
    List<Map<String, Object>> parents = new ArrayList<>();
    for (String p : t.parents) {
      parents.add(Map.of("id", p, "name", tags.get(p).name));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id);
    m.put("name", t.name);
    m.put("aliases", List.copyOf(t.aliases));
    m.put("parents", parents);
    m.put("ignore_auto_tag", t.ignoreAutoTag);
    return m;
  }

  private Object findTags(DataFetchingEnvironment env) {
    Map<String, Object> filter = env.getArgument("tag_filter");
    List<Map<String, Object>> found = tags.values().stream().filter(t -> FakeStashWiring.matches(t, filter)).map(this::view).toList();
    return Map.of("count", found.size(), "tags", found);
  }

  private void checkUnique(String name, String exceptId) {
    for (Tag t : tags.values()) {
      if (t.id.equals(exceptId)) {
        continue;
      }
      if (t.name.equalsIgnoreCase(name)) {
        throw new GraphQLException("tag with name '" + name + "' already exists");
      }
      if (t.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
        throw new GraphQLException("name '" + name + "' is used as alias for '" + t.name + "'");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Object tagCreate(DataFetchingEnvironment env) {
    mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    String name = (String) input.get("name");
    checkUnique(name, null);
    Tag t = addTag(name);
    t.ignoreAutoTag = Boolean.TRUE.equals(input.get("ignore_auto_tag"));
    if (input.get("parent_ids") instanceof List<?> parents) {
      ((List<String>) parents).forEach(t.parents::add);
    }
    return view(t);
  }

  @SuppressWarnings("unchecked")
  private Object tagUpdate(DataFetchingEnvironment env) {
    mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    Tag t = tags.get((String) input.get("id"));
    if (t == null) {
      throw new GraphQLException("tag " + input.get("id") + " not found");
    }
    if (input.get("parent_ids") instanceof List<?> parents) {
      t.parents.clear();
      ((List<String>) parents).forEach(t.parents::add);
    }
    return view(t);
  }

  @SuppressWarnings("unchecked")
  private Object bulk(DataFetchingEnvironment env, Map<String, Item> items) {
    mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    List<String> ids = (List<String>) input.get("ids");
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : ids) {
      Item item = items.get(id);
      if (item == null) {
        throw new GraphQLException("item " + id + " not found");
      }
      item.writes.incrementAndGet();
      if (input.get("tag_ids") instanceof Map<?, ?> update) {
        FakeStashWiring.apply(item.tags, (Map<String, Object>) update);
      }
      if (input.get("performer_ids") instanceof Map<?, ?> update) {
        ((List<String>) update.get("ids")).forEach(p -> {
          if (!performers.byId.containsKey(p)) {
            throw new GraphQLException("performer " + p + " not found");
          }
        });
        FakeStashWiring.apply(item.performers, (Map<String, Object>) update);
      }
      out.add(Map.of("id", id));
    }
    return out;
  }

  boolean authorised(HttpExchange ex) {
    return apiKey.equals(ex.getRequestHeaders().getFirst("ApiKey")) || ("session=" + apiKey).equals(ex.getRequestHeaders().getFirst("Cookie"));
  }

  synchronized String nextId() {
    return String.valueOf(nextId++);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
