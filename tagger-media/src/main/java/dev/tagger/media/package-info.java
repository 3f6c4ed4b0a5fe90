/**
 * {@link dev.tagger.media.FfmpegMediaDecoder}: the one place FFmpeg (through JavaCV) is touched.
 * Decodes stills (upright, EXIF orientation applied), samples video frames by seeking, and extracts
 * audio as mono PCM. Depends on {@code tagger-api} only.
 */
@NullMarked
package dev.tagger.media;

import org.jspecify.annotations.NullMarked;
