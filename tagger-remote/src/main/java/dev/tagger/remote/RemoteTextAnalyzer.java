package dev.tagger.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.MediaKind;
import dev.tagger.TextItem;
import dev.tagger.model.Hashing;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.Analyzer;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code remote-text}: a larger language model behind a gateway reads what was said and written in an item (its
 * transcript, the text read from its pictures, its title and description, at most {@value #MAX_CHARS} characters)
 * and gives topics and entities as tags, a one-sentence caption and, for long text, a summary, kept as the item's
 * {@code about} and {@code summary} texts. An item with fewer than {@value #MIN_WORDS} words costs no request. Text
 * the remote analyzers wrote themselves is never sent back. Thread-safe; the gateway is the caller's.
 */
public final class RemoteTextAnalyzer implements Analyzer {
  public static final String ID = "remote-text";
  static final int MAX_CHARS = 12_000;
  static final int MIN_WORDS = 5;

  private final Gateway gateway;
  private final AnalyzerInfo info;

  public RemoteTextAnalyzer(Gateway gateway) {
    this.gateway = gateway;
    this.info = new AnalyzerInfo(ID, gateway.settings().model() + " via " + gateway.settings().gateway(), Prompts.TEXT_VERSION,
        "chars=" + MAX_CHARS);
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.TEXT);
  }

  @Override
  public boolean readsText() {
    return true;
  }

  @Override
  public AnalyzerOutput analyze(AnalysisInput input) {
    String text = prompt(input.texts());
    if (text.isEmpty()) {
      return AnalyzerOutput.EMPTY;
    }
    ArrayNode parts = RemoteLook.parts();
    parts.addObject().put("type", "text").put("text", text);
    String key = ResponseCache.key(ID, gateway.settings().model(), Prompts.TEXT_VERSION, Hashing.sha256(text));
    long tokens = 350 + text.length() / 3 + RemoteLook.MAX_REPLY_TOKENS;
    Gateway.Answer answer = gateway.ask(key, RemoteLook.request(Prompts.TEXT, parts), tokens, 0);
    if (answer.reply() == null) {
      return RemoteLook.unavailable(answer);
    }
    List<Detection> detections = new ArrayList<>();
    for (RemoteReply.RemoteTag t : answer.reply().tags()) {
      String label = t.label().toLowerCase(Locale.ROOT);
      detections.add(new Detection(label, t.confidence(), t.kind().equals("entity") ? dev.tagger.Category.ENTITY : dev.tagger.Category.KEYWORD,
          new Evidence(null, null, label)));
    }
    return new AnalyzerOutput(detections, RemoteLook.texts(answer.reply(), info.source(), "about"), false).withUsage(answer.usage());
  }

  /**
   * The item's texts under headings, in a stable order, cut at {@link #MAX_CHARS}; empty when they hold fewer than
   * {@link #MIN_WORDS} words. File names are left out (they are rarely sentences), and so is what remote analyzers wrote.
   */
  static String prompt(List<TextItem> texts) {
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    for (String heading : List.of("Title", "Description", "Transcript", "Text read from the pictures", "Text")) {
      sections.put(heading, new StringBuilder());
    }
    int words = 0;
    for (TextItem t : texts) {
      if (t.text().isBlank() || t.kind().equals("filename") || (t.source() != null && t.source().analyzer().startsWith("remote-"))) {
        continue;
      }
      String heading = switch (t.kind()) {
        case "title" -> "Title";
        case "description" -> "Description";
        case "transcript" -> "Transcript";
        case "ocr" -> "Text read from the pictures";
        default -> "Text";
      };
      StringBuilder b = sections.get(heading);
      if (b.indexOf(t.text().strip()) < 0) { // OCR reads the same sign in many frames
        b.append(b.length() == 0 ? "" : "\n").append(t.text().strip());
        words += t.text().strip().split("\\s+").length;
      }
    }
    if (words < MIN_WORDS) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    sections.forEach((heading, body) -> {
      if (body.length() > 0) {
        out.append(out.length() == 0 ? "" : "\n\n").append(heading).append(":\n").append(body);
      }
    });
    return out.length() <= MAX_CHARS ? out.toString() : out.substring(0, MAX_CHARS) + "\n[cut here]";
  }

  @Override
  public String toString() {
    return ID + "[" + info.model() + "]";
  }
}
