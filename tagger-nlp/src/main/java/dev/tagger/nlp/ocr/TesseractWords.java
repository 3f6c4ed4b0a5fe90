package dev.tagger.nlp.ocr;

import com.sun.jna.Pointer;
import dev.tagger.TaggerException;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.Word;
import net.sourceforge.tess4j.util.ImageIOHelper;

/**
 * Reads the words of one picture through Tesseract's C API with a deadline: Tesseract asks its cancel
 * callback between words, and the callback says stop once the deadline has passed, so a picture full of
 * texture (fur, foliage, gravel) cannot hold a thread for seconds. Words read before the deadline are kept.
 *
 * <p>Starting a Tesseract instance reads its language data (about 0.1 s), so instances are kept between
 * pictures: each call borrows an idle one of its data folder and language (or starts one) and gives it back
 * cleared; at most one idle instance per core is kept, until {@link #releaseIdle} ends them.
 */
final class TesseractWords {
  private static final java.util.Map<String, java.util.concurrent.ConcurrentLinkedDeque<Instance>> IDLE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private TesseractWords() {}

  /** A started Tesseract and the page segmentation mode it started with. */
  private record Instance(TessBaseAPI handle, int defaultMode) {}

  /** What a picture gave and whether the deadline cut the reading short. */
  record Result(List<Word> words, boolean cutShort) {}

  static Result read(BufferedImage image, String datapath, String language, long deadlineNanos) {
    TessAPI api = TessAPI.INSTANCE;
    Instance instance = borrow(datapath, language);
    boolean clean = false;
    try {
      TessBaseAPI handle = instance.handle();
      api.TessBaseAPISetPageSegMode(handle, instance.defaultMode());
      int bitsPerPixel = image.getColorModel().getPixelSize();
      api.TessBaseAPISetImage(handle, ImageIOHelper.getImageByteBuffer(image), image.getWidth(), image.getHeight(),
          bitsPerPixel / 8, (int) Math.ceil(image.getWidth() * bitsPerPixel / 8.0));
      boolean[] cut = {false};
      ITessAPI.ETEXT_DESC monitor = new ITessAPI.ETEXT_DESC();
      monitor.cancel = (self, words) -> {
        cut[0] = System.nanoTime() > deadlineNanos;
        return cut[0];
      };
      api.TessBaseAPIRecognize(handle, monitor);
      Result result = new Result(words(api, handle), cut[0]);
      clean = true;
      return result;
    } finally {
      giveBack(datapath, language, instance, clean);
    }
  }

  /**
   * Reads each picture as one block of text (page segmentation mode 6: a line or a few), all with one Tesseract instance;
   * pictures not reached by the deadline give nothing.
   */
  static List<List<Word>> readBlocks(List<BufferedImage> lines, String datapath, String language, long deadlineNanos) {
    TessAPI api = TessAPI.INSTANCE;
    Instance instance = borrow(datapath, language);
    boolean clean = false;
    try {
      TessBaseAPI handle = instance.handle();
      api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK);
      List<List<Word>> out = new ArrayList<>();
      for (BufferedImage image : lines) {
        if (System.nanoTime() > deadlineNanos) {
          out.add(List.of());
          continue;
        }
        int bitsPerPixel = image.getColorModel().getPixelSize();
        api.TessBaseAPISetImage(handle, ImageIOHelper.getImageByteBuffer(image), image.getWidth(), image.getHeight(),
            bitsPerPixel / 8, (int) Math.ceil(image.getWidth() * bitsPerPixel / 8.0));
        ITessAPI.ETEXT_DESC monitor = new ITessAPI.ETEXT_DESC();
        monitor.cancel = (self, words) -> System.nanoTime() > deadlineNanos;
        api.TessBaseAPIRecognize(handle, monitor);
        out.add(words(api, handle));
      }
      clean = true;
      return out;
    } finally {
      giveBack(datapath, language, instance, clean);
    }
  }

  /** An idle instance of this data and language, or a new one. */
  private static Instance borrow(String datapath, String language) {
    Instance idle = IDLE.computeIfAbsent(key(datapath, language), k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).pollFirst();
    if (idle != null) {
      return idle;
    }
    TessAPI api = TessAPI.INSTANCE;
    TessBaseAPI handle = api.TessBaseAPICreate();
    if (api.TessBaseAPIInit3(handle, datapath, language) != 0) {
      end(handle);
      throw new TaggerException("Tesseract cannot load language '" + language + "' from " + datapath);
    }
    return new Instance(handle, api.TessBaseAPIGetPageSegMode(handle));
  }

  /** Clears the instance and keeps it idle, unless enough are idle already or a reading failed midway. */
  private static void giveBack(String datapath, String language, Instance instance, boolean clean) {
    java.util.concurrent.ConcurrentLinkedDeque<Instance> idle = IDLE.get(key(datapath, language));
    if (clean && idle.size() < Runtime.getRuntime().availableProcessors()) {
      TessAPI.INSTANCE.TessBaseAPIClear(instance.handle());
      idle.addFirst(instance);
    } else {
      end(instance.handle());
    }
  }

  /** Ends the idle instances (those in use end when given back, if none are wanted by then). */
  static void releaseIdle() {
    for (java.util.concurrent.ConcurrentLinkedDeque<Instance> idle : IDLE.values()) {
      for (Instance i = idle.pollFirst(); i != null; i = idle.pollFirst()) {
        end(i.handle());
      }
    }
  }

  private static void end(TessBaseAPI handle) {
    TessAPI.INSTANCE.TessBaseAPIEnd(handle);
    TessAPI.INSTANCE.TessBaseAPIDelete(handle);
  }

  private static String key(String datapath, String language) {
    return datapath + "\0" + language;
  }

  private static List<Word> words(TessAPI api, TessBaseAPI handle) {
    List<Word> words = new ArrayList<>();
    ITessAPI.TessResultIterator it = api.TessBaseAPIGetIterator(handle);
    if (it == null) {
      return words;
    }
    try {
      ITessAPI.TessPageIterator page = api.TessResultIteratorGetPageIterator(it);
      api.TessPageIteratorBegin(page);
      int level = ITessAPI.TessPageIteratorLevel.RIL_WORD;
      IntBuffer left = IntBuffer.allocate(1);
      IntBuffer top = IntBuffer.allocate(1);
      IntBuffer right = IntBuffer.allocate(1);
      IntBuffer bottom = IntBuffer.allocate(1);
      do {
        Pointer text = api.TessResultIteratorGetUTF8Text(it, level);
        if (text == null) {
          continue;
        }
        String word = text.getString(0, "UTF-8");
        api.TessDeleteText(text);
        float confidence = api.TessResultIteratorConfidence(it, level);
        api.TessPageIteratorBoundingBox(page, level, left, top, right, bottom);
        words.add(new Word(word, confidence, new Rectangle(left.get(0), top.get(0), right.get(0) - left.get(0), bottom.get(0) - top.get(0))));
      } while (api.TessPageIteratorNext(page, level) == ITessAPI.TRUE);
    } finally {
      api.TessResultIteratorDelete(it);
    }
    return words;
  }
}
