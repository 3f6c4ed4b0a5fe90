/**
 * The public face of Tagger: {@link dev.tagger.Tagger} and its builder, the media and tag values it
 * passes around, and the exceptions it throws. Depends on the JDK, Caffeine, SLF4J and Jackson only;
 * adapters (vision, audio, text, Stash) plug in through {@link dev.tagger.spi}.
 */
@NullMarked
package dev.tagger;

import org.jspecify.annotations.NullMarked;
