/**
 * Stash: a GraphQL client on the JDK's HttpClient ({@link dev.tagger.stash.StashClient}) whose documents
 * live as {@code .graphql} resources ({@link dev.tagger.stash.GraphQlDocuments}) validated against
 * Stash's schema by a contract test, and tags found or created by exact name
 * ({@link dev.tagger.stash.StashTags}). Knows GraphQL, not models.
 */
@NullMarked
package dev.tagger.stash;

import org.jspecify.annotations.NullMarked;
