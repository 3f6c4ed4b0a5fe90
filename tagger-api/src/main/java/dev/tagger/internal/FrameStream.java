package dev.tagger.internal;

import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.Picture;
import dev.tagger.spi.VideoFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A video's frame analyzers fed from one decode: a thread of its own decodes the sampled frames into a
 * queue of at most {@value #AHEAD}, while the item's thread hands each frame to every analyzer's pass and
 * then lets it go. Decoding and looking overlap, and however long the video, only a few frames are held
 * (and what a pass keeps, such as a batch). The decoding thread owns the decoder's native state and ends on
 * its own when the item ends early (a failure, a cancel, a timeout): it stops at its next frame.
 */
final class FrameStream {
  /** Frames decoded ahead of the one being looked at. */
  static final int AHEAD = 2;
  private static final Object END = new Object();

  private FrameStream() {}

  /** Each analyzer's output, in the order given; failures are named as {@link LocalAnalysis} names them. */
  static Map<FrameAnalyzer, AnalyzerOutput> run(List<FrameAnalyzer> analyzers, DecodedItem item) {
    List<FrameAnalyzer.Pass> passes = new ArrayList<>();
    for (FrameAnalyzer a : analyzers) {
      passes.add(LocalAnalysis.guarded(a, item, () -> a.start(item)));
    }
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    AtomicBoolean stop = new AtomicBoolean();
    Thread decoding = new Thread(() -> decode(item, queue, stop), "tagger-frames-" + item.media().id());
    decoding.setDaemon(true);
    decoding.start();
    boolean whole = false;
    try {
      for (Object next = take(queue, item); next != END; next = take(queue, item)) {
        if (next instanceof dev.tagger.MediaException || next instanceof CancellationException) {
          throw (RuntimeException) next;
        }
        if (next instanceof RuntimeException e) {
          throw new AnalysisFailure("decode", item.media().id() + ": its frames could not be decoded: " + e, e);
        }
        VideoFrame frame = (VideoFrame) next;
        item.checkCancelled();
        item.frameShown(frame.seconds());
        Picture picture = new Picture(frame.image(), TimeSpan.at(frame.seconds()));
        for (int i = 0; i < passes.size(); i++) {
          FrameAnalyzer.Pass pass = passes.get(i);
          LocalAnalysis.guarded(analyzers.get(i), item, () -> {
            pass.look(picture);
            return pass;
          });
        }
      }
      whole = true;
    } finally {
      stop.set(true);
      queue.clear(); // lets a decoder blocked on a full queue see the stop
      if (whole) {
        joinQuietly(decoding); // it has handed over its end: only closing is left
      }
    }
    Map<FrameAnalyzer, AnalyzerOutput> out = new LinkedHashMap<>();
    for (int i = 0; i < passes.size(); i++) {
      out.put(analyzers.get(i), LocalAnalysis.guarded(analyzers.get(i), item, passes.get(i)::finish));
    }
    return out;
  }

  private static void decode(DecodedItem item, BlockingQueue<Object> queue, AtomicBoolean stop) {
    Object last = END;
    try {
      item.streamFrames(frame -> put(queue, frame, stop));
    } catch (RuntimeException e) {
      last = e;
    }
    put(queue, last, stop);
  }

  /** Waits for room while the item goes on; false once it has stopped. */
  private static boolean put(BlockingQueue<Object> queue, Object next, AtomicBoolean stop) {
    try {
      while (!stop.get()) {
        if (queue.offer(next, 50, TimeUnit.MILLISECONDS)) {
          return !stop.get();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private static Object take(BlockingQueue<Object> queue, DecodedItem item) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException(item.media().id() + ": cancelled");
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
