package dev.tagger.nlp.ocr;

import dev.tagger.spi.RgbImage;

/**
 * A cheap test for whether a picture shows text at all, run before a costly OCR engine so that photos
 * without text do not pay for a full reading. {@link PaddleOcr} is one: its text detector at low
 * resolution.
 */
@FunctionalInterface
public interface TextPresence {
  /** False only when the picture surely holds no readable text. */
  boolean mayHaveText(RgbImage picture);
}
