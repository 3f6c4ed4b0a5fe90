package dev.tagger.cli;

import dev.tagger.audio.SoundEventAnalyzer;
import dev.tagger.audio.SoundEventOptions;
import dev.tagger.audio.SpeechAnalyzer;
import dev.tagger.audio.SpeechOptions;
import dev.tagger.audio.VoiceActivity;
import dev.tagger.audio.VoskModel;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelStore;
import dev.tagger.nlp.DateAnalyzer;
import dev.tagger.nlp.DictionaryEntityAnalyzer;
import dev.tagger.nlp.EntityDictionary;
import dev.tagger.nlp.KeywordAnalyzer;
import dev.tagger.nlp.LanguageAnalyzer;
import dev.tagger.nlp.ocr.MergedOcr;
import dev.tagger.nlp.ocr.PaddleOcr;
import dev.tagger.nlp.ocr.TesseractOcr;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.FaceAnalyzer;
import dev.tagger.onnx.FaceOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.onnx.ContentRatingAnalyzer;
import dev.tagger.onnx.FaceEstimateAnalyzer;
import dev.tagger.onnx.PeopleAnalyzer;
import dev.tagger.onnx.runtime.OnnxOptions;
import dev.tagger.remote.Gateway;
import dev.tagger.remote.GatewaySettings;
import dev.tagger.remote.RemoteTextAnalyzer;
import dev.tagger.remote.RemoteVisionAnalyzer;
import dev.tagger.spi.Analyzer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The analyzers a run uses, opened from the model store and closed together. Names: {@code classifier}
 * (ImageNet), {@code objects} (COCO detector), {@code faces} (faces and emotions), {@code speech} (Vosk,
 * English), {@code sounds} (AudioSet sound events), {@code keywords},
 * {@code language}, {@code dates}, {@code countries} (text analyzers on file names, titles and text),
 * {@code ocr} (Tesseract, behind PP-OCR's text detector as a pre-check) and {@code ppocr} (PP-OCRv4 on ONNX
 * Runtime); named together (as the default set does), one {@link MergedOcr} merges their readings per region;
 * {@code remote-vision} and {@code remote-text} (a gateway's larger models) share one {@link Gateway}.
 */
final class AnalyzerChoice implements AutoCloseable {
  private final List<AutoCloseable> owned = new ArrayList<>();
  private final List<Analyzer> analyzers = new ArrayList<>();

  /**
   * @param classifierModel catalog id of the classifier's model
   * @param detectorModel catalog id of the detector's model
   */
  AnalyzerChoice(List<AnalyzerName> names, ModelStore store, ModelCatalog catalog, String classifierModel, String detectorModel,
      int topK, OnnxOptions onnx, Duration ocrTimeLimit, @Nullable Path speechModel, @Nullable GatewaySettings remote) {
    Gateway gateway = remote == null ? null : new Gateway(remote); // one for both remote analyzers: shared limits and budget
    try {
      boolean bothOcr = names.contains(AnalyzerName.OCR) && names.contains(AnalyzerName.PPOCR);
      boolean ocrAdded = false;
      for (AnalyzerName name : names) {
        if (bothOcr && (name == AnalyzerName.OCR || name == AnalyzerName.PPOCR)) {
          if (!ocrAdded) {
            add(new MergedOcr(tesseract(ocrTimeLimit), new PaddleOcr(2048, 0.7, onnx.intraOpThreads(), ocrTimeLimit), ocrTimeLimit));
            ocrAdded = true;
          }
          continue;
        }
        switch (name) {
          case CLASSIFIER -> add(ImageClassifier.fromCatalog(store, catalog.get(classifierModel),
              ClassifierOptions.IMAGENET.withTopK(topK).withOnnx(onnx)));
          case OBJECTS -> add(ObjectDetector.fromCatalog(store, catalog.get(detectorModel), DetectorOptions.YOLOX_NANO.withOnnx(onnx)));
          case FACES -> add(FaceAnalyzer.open(store, FaceOptions.DEFAULT.withOnnx(onnx)));
          case SPEECH -> {
            VoskModel vosk = speechModel == null ? VoskModel.englishSmall(store)
                : VoskModel.open(speechModel, speechModel.getFileName().toString());
            owned.add(vosk);
            VoiceActivity voice = VoiceActivity.open(store);
            owned.add(voice);
            analyzers.add(new SpeechAnalyzer(vosk, voice, SpeechOptions.DEFAULT));
          }
          case SOUNDS -> add(SoundEventAnalyzer.audioSet(store, SoundEventOptions.DEFAULT.withOnnx(onnx)));
          case KEYWORDS -> analyzers.add(new KeywordAnalyzer());
          case LANGUAGE -> analyzers.add(new LanguageAnalyzer());
          case DATES -> analyzers.add(new DateAnalyzer());
          case COUNTRIES -> analyzers.add(new DictionaryEntityAnalyzer(EntityDictionary.countries()));
          case PPOCR -> add(new PaddleOcr(2048, 0.7, onnx.intraOpThreads(), ocrTimeLimit));
          case PEOPLE -> add(PeopleAnalyzer.open(store, FaceOptions.DEFAULT, onnx));
          case AGE_GENDER -> add(FaceEstimateAnalyzer.open(store, FaceOptions.DEFAULT, onnx));
          case RATING -> add(ContentRatingAnalyzer.open(store, onnx));
          case REMOTE_VISION -> analyzers.add(new RemoteVisionAnalyzer(needGateway(gateway, name)));
          case REMOTE_TEXT -> analyzers.add(new RemoteTextAnalyzer(needGateway(gateway, name)));
          case OCR -> {
            PaddleOcr precheck = new PaddleOcr(2048, 0.7, onnx.intraOpThreads(), ocrTimeLimit);
            owned.add(precheck);
            analyzers.add(tesseract(ocrTimeLimit).withPrecheck(precheck));
          }
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static Gateway needGateway(@Nullable Gateway gateway, AnalyzerName name) {
    if (gateway == null) {
      throw new dev.tagger.TaggerException(name.id() + " needs a gateway: --remote-url URL and --remote-model NAME");
    }
    return gateway;
  }

  private static TesseractOcr tesseract(Duration timeLimit) {
    TesseractOcr ocr = new TesseractOcr().withTimeLimit(timeLimit);
    ocr.unavailable().ifPresent(why -> System.err.println("tagger: " + why));
    return ocr;
  }

  /** Adds an analyzer the caller built (entity lists, a name-finder model). */
  void addText(Analyzer analyzer) {
    analyzers.add(analyzer);
  }

  /** Adds an analyzer the caller opened; it is closed with the others. */
  <T extends Analyzer & AutoCloseable> void addOwned(T analyzer) {
    add(analyzer);
  }

  private <T extends Analyzer & AutoCloseable> void add(T analyzer) {
    owned.add(analyzer);
    analyzers.add(analyzer);
  }

  List<Analyzer> analyzers() {
    return analyzers;
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("tagger: closing " + c + " failed: " + e);
      }
    }
    owned.clear();
  }
}
