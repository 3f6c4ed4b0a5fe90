/**
 * The accuracy harness behind {@code tagger eval}: a labelled dev set ({@link DevSet}), the judgement of
 * each emitted tag against what a person accepts ({@link Judge}), the figures ({@link AccuracyReport}) and
 * the calibration fit ({@link CalibrationFit}). Used only by the CLI.
 */
@NullMarked
package dev.tagger.cli.eval;

import org.jspecify.annotations.NullMarked;
