package dev.tagger.onnx.runtime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagger.TaggerException;
import dev.tagger.model.ResolvedModel;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One ONNX Runtime session over a verified model file, shared by threads ({@code OrtSession.run} is
 * thread-safe). Owns the native session: {@link #close()} frees it, is idempotent, and any use after it
 * fails with a clear message.
 */
public final class OnnxSession implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String modelId;
  private final String inputName;
  private volatile boolean closed;
  /** Runs hold it shared and {@link #close()} alone: a session is never freed under a run (that is a native crash). */
  private final java.util.concurrent.locks.ReentrantReadWriteLock inUse = new java.util.concurrent.locks.ReentrantReadWriteLock();

  public OnnxSession(ResolvedModel model, OnnxOptions options) {
    this(model, options, java.util.List.of());
  }

  /**
   * A session that also outputs these intermediate float tensors ({@link OnnxGraph}: the verified file is read
   * and changed in memory only).
   */
  public OnnxSession(ResolvedModel model, OnnxOptions options, java.util.List<String> extraOutputs) {
    this.modelId = model.entry().id();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(options.intraOpThreads());
      so.setInterOpNumThreads(1);
      so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = extraOutputs.isEmpty() ? env.createSession(model.primary().toString(), so)
          : env.createSession(OnnxGraph.withFloatOutputs(java.nio.file.Files.readAllBytes(model.primary()), extraOutputs), so);
      this.inputName = session.getInputNames().iterator().next();
    } catch (OrtException | java.io.IOException | IllegalArgumentException e) {
      throw new TaggerException("model " + modelId + ": ONNX Runtime cannot load " + model.primary() + ": " + e.getMessage(), e);
    }
  }

  /** Runs the model on one float tensor and returns its first output as rows of floats. */
  public float[][] run(FloatBuffer input, long[] shape) {
    return whileOpen(() -> runOpen(input, shape));
  }

  /** Runs {@code call} while the session is open, holding it open until the call returns. */
  private <T> T whileOpen(java.util.function.Supplier<T> call) {
    inUse.readLock().lock();
    try {
      checkOpen();
      return call.get();
    } finally {
      inUse.readLock().unlock();
    }
  }

  private float[][] runOpen(FloatBuffer input, long[] shape) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      Object value = result.get(0).getValue();
      if (value instanceof float[][] rows) {
        return rows;
      }
      throw new TaggerException("model " + modelId + ": expected a 2-D float output, got " + value.getClass().getSimpleName());
    } catch (OrtException e) {
      throw new TaggerException("model " + modelId + ": inference failed: " + e.getMessage(), e);
    }
  }

  /** Runs the model on one float tensor and returns every output, flattened, by output name. */
  public Map<String, float[]> runAll(FloatBuffer input, long[] shape) {
    return whileOpen(() -> runAllOpen(input, shape));
  }

  private Map<String, float[]> runAllOpen(FloatBuffer input, long[] shape) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      Map<String, float[]> out = new HashMap<>();
      for (Map.Entry<String, OnnxValue> e : result) {
        if (!(e.getValue() instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
          throw new TaggerException("model " + modelId + ": output " + e.getKey() + " is not a float tensor");
        }
        FloatBuffer fb = t.getFloatBuffer();
        float[] flat = new float[fb.remaining()];
        fb.get(flat);
        out.put(e.getKey(), flat);
      }
      return out;
    } catch (OrtException e) {
      throw new TaggerException("model " + modelId + ": inference failed: " + e.getMessage(), e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ONNX session of model " + modelId + " is closed");
    }
  }

  public String modelId() {
    return modelId;
  }

  /** Closes the session once the runs in progress end; a run after it fails with a clear message. */
  @Override
  public void close() {
    inUse.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      session.close();
    } catch (OrtException e) {
      throw new TaggerException("model " + modelId + ": closing the ONNX session failed", e);
    } finally {
      inUse.writeLock().unlock();
    }
  }
}
