/**
 * {@link dev.tagger.store.FileResultStore}: the persistent result store that makes batch runs
 * incremental and resumable, an append-only journal on disk behind a Caffeine cache in memory.
 */
@NullMarked
package dev.tagger.store;

import org.jspecify.annotations.NullMarked;
