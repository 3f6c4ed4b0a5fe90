/**
 * The model catalog (what models exist: files, sha256, canonical URL, licence) and the
 * {@link dev.tagger.model.ModelStore}, a cache folder that verifies every file's sha256 before it is
 * loaded and downloads missing files from their canonical URL.
 */
@NullMarked
package dev.tagger.model;

import org.jspecify.annotations.NullMarked;
