/**
 * Text analyzers on Apache OpenNLP: keywords, language, dates, dictionary entities (countries from
 * ISO 3166-1 and users' own lists), entities from a user's name-finder model, and the words of file
 * names. They read the item's texts (file name, title, description, text-file content, and what OCR or
 * speech analyzers found), so they run after the media analyzers. Depends on {@code tagger-api} only.
 */
@NullMarked
package dev.tagger.nlp;

import org.jspecify.annotations.NullMarked;
