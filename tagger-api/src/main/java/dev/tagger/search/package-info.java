/**
 * Search by meaning and by word over what items were tagged with: an embedded Lucene index of each item's
 * passages (transcript utterances with their times, OCR lines, titles, file-name words, tags), each with
 * its text and its vector ({@link SearchIndex}), kept up to date by a sink ({@link SearchIndexSink}).
 */
@NullMarked
package dev.tagger.search;

import org.jspecify.annotations.NullMarked;
