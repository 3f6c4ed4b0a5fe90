package dev.tagger.stash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.MockedWiringFactory;
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
import java.util.regex.Pattern;

/**
 * An in-JVM Stash over the real schema (graphql-java, in-memory data) for the operations we use. Behaves
 * like Stash where it matters: name filters are SQL LIKE (case-insensitive, {@code _} and {@code %}
 * wildcards), names and aliases are unique across tags, bulk updates honour ADD, REMOVE and SET, the
 * {@code ApiKey} header is checked. Faults can be injected: a share of requests answered 500, stalled
 * past the client's timeout, or dropped without an answer.
 */
final class FakeStash implements AutoCloseable {
  static final class Tag {
    final String id;
    String name;
    final List<String> aliases = new ArrayList<>();
    final Set<String> parents = new LinkedHashSet<>();
    boolean ignoreAutoTag;

    Tag(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  final Map<String, Tag> tags = new LinkedHashMap<>();
  final Map<String, Set<String>> sceneTags = new LinkedHashMap<>();
  final Map<String, Set<String>> imageTags = new LinkedHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger mutations = new AtomicInteger();
  private final String apiKey;
  private final HttpServer server;
  private final GraphQL graphql;
  private final Random random = new Random(11);
  private int nextId = 1;
  volatile double failShare;
  volatile long stallMillis;

  FakeStash(String apiKey) throws IOException {
    this.apiKey = apiKey;
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .wiringFactory(new MockedWiringFactory() {
          @Override
          public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return false; // plain property access on our maps, except where wired below
          }
        })
        .type("Query", b -> b.dataFetcher("version", env -> Map.of("version", "v0.0.0-fake"))
            .dataFetcher("findTags", this::findTags))
        .type("Mutation", b -> b.dataFetcher("tagCreate", this::tagCreate).dataFetcher("tagUpdate", this::tagUpdate)
            .dataFetcher("bulkSceneUpdate", env -> bulk(env, sceneTags)).dataFetcher("bulkImageUpdate", env -> bulk(env, imageTags)))
        .build();
    graphql = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(StashSchema.registry(), wiring)).build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/graphql", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized Tag addTag(String name, String... aliases) {
    Tag t = new Tag(String.valueOf(nextId++), name);
    t.aliases.addAll(List.of(aliases));
    tags.put(t.id, t);
    return t;
  }

  synchronized void addScene(String id, String... tagIds) {
    sceneTags.put(id, new LinkedHashSet<>(List.of(tagIds)));
  }

  synchronized void addImage(String id, String... tagIds) {
    imageTags.put(id, new LinkedHashSet<>(List.of(tagIds)));
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
            sleep(stallMillis);
            ex.sendResponseHeaders(503, -1);
            return;
          }
          default -> {
            return; // dropped: closed without an answer
          }
        }
      }
      if (!apiKey.equals(ex.getRequestHeaders().getFirst("ApiKey"))) {
        ex.sendResponseHeaders(401, -1);
        return;
      }
      Map<?, ?> body = JSON.readValue(ex.getRequestBody(), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = body.get("variables") == null ? Map.of() : (Map<String, Object>) body.get("variables");
      ExecutionResult result;
      synchronized (this) {
        result = graphql.execute(ExecutionInput.newExecutionInput((String) body.get("query")).variables(variables).build());
      }
      byte[] out = JSON.writeValueAsBytes(result.toSpecification());
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SQL LIKE, case-insensitive, as Stash's EQUALS name filter behaves. */
  static boolean like(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
  }

  @SuppressWarnings("unchecked")
  private boolean matches(Tag t, Map<String, Object> filter) {
    if (filter == null) {
      return true;
    }
    boolean own = true;
    if (filter.get("name") instanceof Map<?, ?> c) {
      own = like((String) c.get("value"), t.name);
    }
    if (filter.get("aliases") instanceof Map<?, ?> c) {
      own = own && t.aliases.stream().anyMatch(a -> like((String) c.get("value"), a));
    }
    if (filter.get("OR") instanceof Map<?, ?> or) {
      return own || matches(t, (Map<String, Object>) or);
    }
    return own;
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
    List<Map<String, Object>> found = tags.values().stream().filter(t -> matches(t, filter)).map(this::view).toList();
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
  private Object bulk(DataFetchingEnvironment env, Map<String, Set<String>> items) {
    mutations.incrementAndGet();
    Map<String, Object> input = env.getArgument("input");
    List<String> ids = (List<String>) input.get("ids");
    Map<String, Object> update = (Map<String, Object>) input.get("tag_ids");
    List<String> tagIds = (List<String>) update.get("ids");
    String mode = String.valueOf(update.get("mode"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : ids) {
      Set<String> current = items.get(id);
      if (current == null) {
        throw new GraphQLException("item " + id + " not found");
      }
      switch (mode) {
        case "ADD" -> current.addAll(tagIds);
        case "REMOVE" -> current.removeAll(tagIds);
        default -> {
          current.clear();
          current.addAll(tagIds);
        }
      }
      out.add(Map.of("id", id));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
