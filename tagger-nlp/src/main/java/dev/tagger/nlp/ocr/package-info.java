/**
 * Text read from pixels: {@link dev.tagger.nlp.ocr.TesseractOcr} (Tesseract through Tess4J, with the
 * system's libtesseract). Its text goes to the text analyzers of the same item.
 */
@NullMarked
package dev.tagger.nlp.ocr;

import org.jspecify.annotations.NullMarked;
