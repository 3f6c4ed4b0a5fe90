package dev.tagger.audio;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagger.TaggerException;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelStore;
import dev.tagger.model.ResolvedModel;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * Whether someone is speaking, with the Silero voice-activity model (v5): 16 kHz audio in chunks of
 * {@value #CHUNK} samples, each fed with the {@value #CONTEXT} samples before it and the model's state
 * from the chunk before, gives the probability that the chunk holds speech. Music, noise and loud sounds
 * score low, where an energy gate lets them through. The session is shared and thread-safe; each stream
 * keeps its own state in a {@link Stream}. Owns its ONNX session.
 */
public final class VoiceActivity implements AutoCloseable {
  public static final String MODEL = "vad-silero";
  static final int RATE = 16_000;
  static final int CHUNK = 512;
  static final int CONTEXT = 64;
  private static final long[] INPUT_SHAPE = {1, CONTEXT + CHUNK};
  private static final long[] STATE_SHAPE = {2, 1, 128};

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String version;

  private VoiceActivity(ResolvedModel model) {
    this.version = model.entry().version();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(1);
      so.setInterOpNumThreads(1);
      this.session = env.createSession(model.primary().toString(), so);
    } catch (OrtException e) {
      throw new TaggerException("model " + MODEL + ": ONNX Runtime cannot load " + model.primary() + ": " + e.getMessage(), e);
    }
  }

  /** The model of the default catalog, from the store (sha256-checked). */
  public static VoiceActivity open(ModelStore store) {
    return new VoiceActivity(store.resolve(ModelCatalog.defaults().get(MODEL)));
  }

  public String version() {
    return version;
  }

  /** A new stream's state: silence before it. Not thread-safe; one per stream. */
  public Stream stream() {
    return new Stream();
  }

  /** One stream's context and model state, fed chunk after chunk in order. */
  public final class Stream {
    private final float[] window = new float[CONTEXT + CHUNK];
    private float[] state = new float[2 * 128];

    private Stream() {}

    /** The speech probability of each whole {@value #CHUNK}-sample chunk of {@code samples}; a short tail is left out. */
    public float[] probabilities(float[] samples) {
      float[] out = new float[samples.length / CHUNK];
      for (int c = 0; c < out.length; c++) {
        System.arraycopy(samples, c * CHUNK, window, CONTEXT, CHUNK);
        out[c] = run();
        System.arraycopy(window, CHUNK, window, 0, CONTEXT); // this chunk's last samples are the next one's context
      }
      return out;
    }

    private float run() {
      try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), INPUT_SHAPE);
          OnnxTensor st = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), STATE_SHAPE);
          OnnxTensor sr = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {RATE}), new long[0]);
          OrtSession.Result result = session.run(Map.of("input", input, "state", st, "sr", sr))) {
        float p = ((float[][]) result.get("output").orElseThrow().getValue())[0][0];
        FloatBuffer next = ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer();
        state = new float[next.remaining()];
        next.get(state);
        return p;
      } catch (OrtException e) {
        throw new TaggerException("model " + MODEL + ": inference failed: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new TaggerException("model " + MODEL + ": cannot close its session: " + e.getMessage(), e);
    }
  }
}
