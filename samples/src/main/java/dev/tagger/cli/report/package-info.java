/**
 * The run report ({@code --report FILE.html} or {@code FILE.json}): what a run did, gathered from each
 * item's result as it ends ({@link RunReport}), written as JSON or as one self-contained HTML page with
 * charts ({@link ReportHtml}).
 */
@NullMarked
package dev.tagger.cli.report;

import org.jspecify.annotations.NullMarked;
