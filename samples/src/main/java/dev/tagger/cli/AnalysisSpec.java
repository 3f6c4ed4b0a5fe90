package dev.tagger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelStore;
import dev.tagger.feedback.TaughtTags;
import dev.tagger.nlp.DictionaryEntityAnalyzer;
import dev.tagger.nlp.EntityDictionary;
import dev.tagger.nlp.NameFinderAnalyzer;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.onnx.TaughtAnalyzer;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.spi.SamplingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every entry point decides about analysis, in one value that travels to a worker process as JSON:
 * the analyzers and their models and options, the decoder's threads and the video sampling. {@link #open()}
 * opens the analyzers; {@link #configure} wires them, the FFmpeg decoder and the sampling into an engine.
 *
 * @param models the model store folder, or null for {@code $TAGGER_MODELS} (else ~/.cache/tagger/models)
 * @param entityLists entity type to a file of names (one a line), tagged in texts
 * @param decoderThreads FFmpeg's threads per item, 0 for its own choice
 * @param taught the folder whose {@code taught.json} holds the tags people taught, or null; when it holds any, the
 *     {@code taught} analyzer runs too
 * @param remote the gateway for {@code remote-vision} and {@code remote-text}, or null when none is configured
 */
record AnalysisSpec(List<String> analyzers, @Nullable String models, @Nullable String catalog, String classifierModel,
    String detectorModel, int top, int onnxThreads, long ocrTimeLimitMillis, @Nullable String speechModel,
    Map<String, String> entityLists, @Nullable String nameFinder, int decoderThreads, SamplingPolicy sampling, @Nullable String taught,
    @Nullable RemoteSpec remote) {
  private static final ObjectMapper JSON = new ObjectMapper();

  AnalysisSpec {
    analyzers = List.copyOf(analyzers);
    entityLists = new LinkedHashMap<>(entityLists);
  }

  /** The default analyzers and options, with this many ONNX threads per item. */
  static AnalysisSpec defaults(List<String> analyzers, int onnxThreads) {
    return new AnalysisSpec(analyzers, null, null, ImageClassifier.IMAGENET_MODEL, ObjectDetector.YOLOX_NANO_MODEL, 5,
        onnxThreads, 60_000, null, Map.of(), null, 1, SamplingPolicy.DEFAULT, null, null);
  }

  AnalysisSpec withModels(@Nullable Path dir) {
    return new AnalysisSpec(analyzers, dir == null ? null : dir.toString(), catalog, classifierModel, detectorModel, top, onnxThreads,
        ocrTimeLimitMillis, speechModel, entityLists, nameFinder, decoderThreads, sampling, taught, remote);
  }

  AnalysisSpec withTaught(@Nullable Path dir) {
    return new AnalysisSpec(analyzers, models, catalog, classifierModel, detectorModel, top, onnxThreads,
        ocrTimeLimitMillis, speechModel, entityLists, nameFinder, decoderThreads, sampling, dir == null ? null : dir.toString(), remote);
  }

  AnalysisSpec withSampling(SamplingPolicy value) {
    return new AnalysisSpec(analyzers, models, catalog, classifierModel, detectorModel, top, onnxThreads,
        ocrTimeLimitMillis, speechModel, entityLists, nameFinder, decoderThreads, value, taught, remote);
  }

  AnalysisSpec withDecoderThreads(int value) {
    return new AnalysisSpec(analyzers, models, catalog, classifierModel, detectorModel, top, onnxThreads,
        ocrTimeLimitMillis, speechModel, entityLists, nameFinder, value, sampling, taught, remote);
  }

  AnalysisSpec withRemote(@Nullable RemoteSpec value) {
    return new AnalysisSpec(analyzers, models, catalog, classifierModel, detectorModel, top, onnxThreads,
        ocrTimeLimitMillis, speechModel, entityLists, nameFinder, decoderThreads, sampling, taught, value);
  }

  /** The spec each of {@code workers} processes opens: the gateway's limits and budget shared out among them. */
  AnalysisSpec sharedBy(int workers) {
    return remote == null ? this : withRemote(remote.share(workers));
  }

  /** Opens the analyzers; the caller closes them. Throws {@link dev.tagger.TaggerException} when a model is missing. */
  AnalyzerChoice open() {
    ModelStore store = models == null ? ModelStore.fromEnvironment() : new ModelStore(Path.of(models), ModelStore.fromEnvironment().offline());
    ModelCatalog known = catalog == null ? ModelCatalog.defaults() : ModelCatalog.defaults().with(ModelCatalog.load(Path.of(catalog)));
    AnalyzerChoice chosen = new AnalyzerChoice(AnalyzerName.parseAll(analyzers), store, known, classifierModel, detectorModel, top,
        new OnnxOptions(onnxThreads), Duration.ofMillis(ocrTimeLimitMillis), speechModel == null ? null : Path.of(speechModel),
        remote == null ? null : remote.settings());
    try {
      entityLists.forEach((type, list) -> chosen.addText(new DictionaryEntityAnalyzer(EntityDictionary.load(Path.of(list), type))));
      if (nameFinder != null) {
        chosen.addText(new NameFinderAnalyzer(Path.of(nameFinder), 0.5));
      }
      if (taught != null) {
        TaughtTags tags = TaughtTags.in(Path.of(taught));
        if (!tags.all().isEmpty()) {
          chosen.addOwned(TaughtAnalyzer.open(store, new OnnxOptions(onnxThreads), tags));
        }
      }
    } catch (RuntimeException e) {
      chosen.close();
      throw e;
    }
    return chosen;
  }

  /** The opened analyzers, the FFmpeg decoder and the sampling, on an engine. */
  Tagger.Builder configure(Tagger.Builder builder, AnalyzerChoice chosen) {
    chosen.analyzers().forEach(builder::analyzer);
    return builder.decoder(new FfmpegMediaDecoder(decoderThreads)).sampling(sampling);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static AnalysisSpec fromJson(String json) {
    try {
      return JSON.readValue(json, AnalysisSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an analysis spec: " + e.getOriginalMessage(), e);
    }
  }
}
