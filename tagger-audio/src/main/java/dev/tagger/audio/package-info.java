/**
 * Audio analyzers: speech to text with Vosk ({@link dev.tagger.audio.SpeechAnalyzer} on a shared
 * {@link dev.tagger.audio.VoskModel}) and AudioSet sound events on ONNX Runtime
 * ({@link dev.tagger.audio.SoundEventAnalyzer} with its {@link dev.tagger.audio.LogMel} front end). Both
 * stream the audio, so memory stays flat however long the recording.
 */
@NullMarked
package dev.tagger.audio;

import org.jspecify.annotations.NullMarked;
