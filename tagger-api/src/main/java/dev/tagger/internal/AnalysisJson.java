package dev.tagger.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of a {@link dev.tagger.spi.StoredAnalysis} (records by their components), shared by
 * the result store's journal and the worker protocol, so an analysis reads back exactly as it was written.
 */
public final class AnalysisJson {
  /** Thread-safe; unknown fields are ignored so that entries written by a newer version still read. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private AnalysisJson() {}
}
