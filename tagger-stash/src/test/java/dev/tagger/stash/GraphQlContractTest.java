package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

/** Every GraphQL document we send is valid against Stash's real schema (../shared/stash-schema). */
class GraphQlContractTest {
  @Test
  void everyDocumentValidatesAgainstStashsSchema() {
    GraphQLSchema schema = StashSchema.forValidation();
    for (String name : GraphQlDocuments.ALL) {
      ParseAndValidateResult r = ParseAndValidate.parseAndValidate(schema, ExecutionInput.newExecutionInput(GraphQlDocuments.get(name)).build());
      assertThat(r.getErrors()).as(name).isEmpty();
    }
  }

  @Test
  void everyDocumentTheCodeNamesIsValidated() {
    for (StashItem.Kind kind : StashItem.Kind.values()) {
      assertThat(GraphQlDocuments.ALL).contains(kind.addTags(), kind.removeTags());
      if (kind != StashItem.Kind.GALLERY) {
        assertThat(GraphQlDocuments.ALL).contains(kind.addPerformers());
      }
    }
  }

  @Test
  void aDocumentThatDoesNotFitTheSchemaIsCaught() {
    GraphQLSchema schema = StashSchema.forValidation();
    ParseAndValidateResult r = ParseAndValidate.parseAndValidate(schema,
        ExecutionInput.newExecutionInput("query { findTags { tags { id colour } } }").build());
    assertThat(r.getErrors()).isNotEmpty();
  }
}
