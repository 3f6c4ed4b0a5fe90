/**
 * Stash: a GraphQL client on the JDK's HttpClient ({@link dev.tagger.stash.StashClient}) whose documents
 * live as {@code .graphql} resources ({@link dev.tagger.stash.GraphQlDocuments}) validated against
 * Stash's schema by a contract test; tags found or created by exact name
 * ({@link dev.tagger.stash.StashTags}); scenes, images and galleries read page by page
 * ({@link dev.tagger.stash.StashLibrary}) and written through a sink ({@link dev.tagger.stash.StashSink});
 * tagging, review and reset runs ({@link dev.tagger.stash.StashTagging}). Knows GraphQL, not models.
 */
@NullMarked
package dev.tagger.stash;

import org.jspecify.annotations.NullMarked;
