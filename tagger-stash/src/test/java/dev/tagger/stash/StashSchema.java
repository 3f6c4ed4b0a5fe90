package dev.tagger.stash;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Stash's real GraphQL schema, read from ../shared/stash-schema (never copied into this project). */
public final class StashSchema {
  private StashSchema() {}

  public static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/stash-schema");
      if (Files.isRegularFile(candidate.resolve("schema.graphql"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("Stash's schema is not here: expected ../shared/stash-schema/schema.graphql beside the "
        + "repository (CI provides it); these tests check our GraphQL against it and cannot run without it");
  }

  public static TypeDefinitionRegistry registry() {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    SchemaParser parser = new SchemaParser();
    try (Stream<Path> files = Files.walk(dir())) {
      List<Path> sdl = files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
      for (Path f : sdl) {
        registry.merge(parser.parse(Files.readString(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return registry;
  }

  /** The schema for validation only (no data behind it). */
  static GraphQLSchema forValidation() {
    return new SchemaGenerator().makeExecutableSchema(registry(),
        RuntimeWiring.newRuntimeWiring().wiringFactory(new graphql.schema.idl.MockedWiringFactory()).build());
  }
}
