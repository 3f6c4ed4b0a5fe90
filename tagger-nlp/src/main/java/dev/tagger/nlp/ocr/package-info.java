/**
 * Text read from pixels: {@link dev.tagger.nlp.ocr.TesseractOcr} (Tesseract through Tess4J, with the
 * system's libtesseract), {@link dev.tagger.nlp.ocr.PaddleOcr} (PP-OCRv4 on ONNX Runtime) and
 * {@link dev.tagger.nlp.ocr.MergedOcr} (both, merged per region); on video only new shots are read, on a
 * large photo the detector looks closely only around the text a first look at low resolution found. Their text
 * goes to the text analyzers of the same item.
 */
@NullMarked
package dev.tagger.nlp.ocr;

import org.jspecify.annotations.NullMarked;
