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
 */
final class TesseractWords {
  private TesseractWords() {}

  /** What a picture gave and whether the deadline cut the reading short. */
  record Result(List<Word> words, boolean cutShort) {}

  static Result read(BufferedImage image, String datapath, String language, long deadlineNanos) {
    TessAPI api = TessAPI.INSTANCE;
    TessBaseAPI handle = api.TessBaseAPICreate();
    try {
      if (api.TessBaseAPIInit3(handle, datapath, language) != 0) {
        throw new TaggerException("Tesseract cannot load language '" + language + "' from " + datapath);
      }
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
      return new Result(words(api, handle), cut[0]);
    } finally {
      api.TessBaseAPIEnd(handle);
      api.TessBaseAPIDelete(handle);
    }
  }

  /**
   * Reads each picture as one block of text (page segmentation mode 6: a line or a few), all with one Tesseract instance;
   * pictures not reached by the deadline give nothing.
   */
  static List<List<Word>> readBlocks(List<BufferedImage> lines, String datapath, String language, long deadlineNanos) {
    TessAPI api = TessAPI.INSTANCE;
    TessBaseAPI handle = api.TessBaseAPICreate();
    try {
      if (api.TessBaseAPIInit3(handle, datapath, language) != 0) {
        throw new TaggerException("Tesseract cannot load language '" + language + "' from " + datapath);
      }
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
      return out;
    } finally {
      api.TessBaseAPIEnd(handle);
      api.TessBaseAPIDelete(handle);
    }
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
