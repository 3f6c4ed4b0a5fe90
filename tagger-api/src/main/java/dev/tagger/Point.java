package dev.tagger;

/** A point in the pixel coordinates of the original (orientation-corrected) image. */
public record Point(double x, double y) {}
