/**
 * The tag policy: what of an item's analysis reaches a person. {@link TagPolicy} turns the analyzers'
 * tags into calibrated ones ({@link Calibration}: the probability that a person accepts the tag), applies the
 * per-category checks and the agreement between models ({@link ImageNetTaxonomy}), and splits the tags into
 * applied, review and dropped by {@link PolicyOptions}. Depends only on {@code dev.tagger}.
 */
@NullMarked
package dev.tagger.policy;

import org.jspecify.annotations.NullMarked;
