package dev.tagger.stash;

import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What {@link FakeStash} needs around Stash's schema: scalars as they come, unions, and SQL LIKE. */
final class FakeStashWiring {
  private FakeStashWiring() {}

  /** Plain property access on maps (data fetchers are wired by the fake), pass-through scalars, ImageFile for unions. */
  static MockedWiringFactory factory() {
    return new MockedWiringFactory() {
      @Override
      public boolean providesDataFetcher(FieldWiringEnvironment environment) {
        return false;
      }

      @Override
      public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
        return GraphQLScalarType.newScalar().name(environment.getScalarTypeDefinition().getName()).coercing(new PassThrough()).build();
      }

      @Override
      public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return env -> env.getSchema().getObjectType("ImageFile");
      }
    };
  }

  /** SQL LIKE, case-insensitive, as Stash's EQUALS name filter behaves. */
  static boolean like(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
  }

  /** Stash's own scalars (Map, Time, Int64, …) as they come: enough for a fake. */
  @SuppressWarnings("deprecation")
  private static final class PassThrough implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object value) {
      return value;
    }

    @Override
    public Object parseValue(Object input) {
      return input;
    }

    @Override
    public Object parseLiteral(Object input) {
      return input instanceof StringValue s ? s.getValue() : input;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
  @SuppressWarnings("unchecked")
  static void apply(Set<String> current, Map<String, Object> update) {
    List<String> ids = (List<String>) update.get("ids");
    switch (String.valueOf(update.get("mode"))) {
      case "ADD" -> current.addAll(ids);
      case "REMOVE" -> current.removeAll(ids);
      default -> {
        current.clear();
        current.addAll(ids);
      }
    }
  }


  @SuppressWarnings("unchecked")
  /** Whether a tag passes a tag filter: name and aliases by SQL LIKE, parents, OR. */
  static boolean matches(FakeStash.Tag t, Map<String, Object> filter) {
    if (filter == null) {
      return true;
    }
    boolean own = true;
    if (filter.get("name") instanceof Map<?, ?> c) {
      own = FakeStashWiring.like((String) c.get("value"), t.name);
    }
    if (filter.get("aliases") instanceof Map<?, ?> c) {
      own = own && t.aliases.stream().anyMatch(a -> FakeStashWiring.like((String) c.get("value"), a));
    }
    if (filter.get("parents") instanceof Map<?, ?> c) {
      own = own && t.parents.stream().anyMatch(((List<String>) c.get("value"))::contains);
    }
    if (filter.get("OR") instanceof Map<?, ?> or) {
      return own || matches(t, (Map<String, Object>) or);
    }
    return own;
  }
}
