/**
 * Larger models behind an OpenAI-compatible gateway (APIPark, LiteLLM, Ollama, vLLM, a cloud API), spoken to
 * with the JDK's HttpClient: {@link dev.tagger.remote.RemoteVisionAnalyzer} sends a reduced photo or a few video
 * frames, {@link dev.tagger.remote.RemoteTextAnalyzer} an item's transcript and OCR text; both ask for JSON tags,
 * a caption and a summary through one shared {@link dev.tagger.remote.Gateway}, which holds the key, the limits,
 * the retries, the response cache and the run's budget. Depends on {@code tagger-api} only; only the wiring
 * ({@code samples}) imports it.
 */
@NullMarked
package dev.tagger.remote;

import org.jspecify.annotations.NullMarked;
