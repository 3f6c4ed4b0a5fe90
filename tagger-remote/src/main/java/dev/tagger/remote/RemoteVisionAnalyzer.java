package dev.tagger.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tagger.Detection;
import dev.tagger.Evidence;
import dev.tagger.MediaKind;
import dev.tagger.TimeSpan;
import dev.tagger.spi.AnalysisInput;
import dev.tagger.spi.AnalyzerInfo;
import dev.tagger.spi.AnalyzerOutput;
import dev.tagger.spi.FrameAnalyzer;
import dev.tagger.spi.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code remote-vision}: a larger vision model behind a gateway looks at a photo, reduced to
 * {@link GatewaySettings#imageSide}, or at {@link GatewaySettings#framesPerVideo} frames spread over a video, in one
 * request. It gives tags (for video with the frames they are seen in, which become time segments) and a one-sentence
 * caption, kept as the item's {@code caption} text. When the gateway cannot answer, the item goes on with its local
 * tags and says so ({@link AnalyzerOutput#unavailable}). Thread-safe; the gateway is the caller's.
 */
public final class RemoteVisionAnalyzer implements FrameAnalyzer {
  public static final String ID = "remote-vision";

  private final Gateway gateway;
  private final AnalyzerInfo info;

  public RemoteVisionAnalyzer(Gateway gateway) {
    this.gateway = gateway;
    GatewaySettings s = gateway.settings();
    this.info = new AnalyzerInfo(ID, s.model() + " via " + s.gateway(), Prompts.VISION_VERSION,
        "side=" + s.imageSide() + ",frames=" + s.framesPerVideo());
  }

  @Override
  public AnalyzerInfo info() {
    return info;
  }

  @Override
  public Set<MediaKind> kinds() {
    return Set.of(MediaKind.IMAGE, MediaKind.VIDEO);
  }

  @Override
  public Pass start(AnalysisInput input) {
    return new VisionPass(input);
  }

  /**
   * Keeps a reduced copy of every {@code stride}-th picture, at most {@code 2 * framesPerVideo} of them: when full it
   * drops every other one and doubles the stride, so the kept pictures stay evenly spread over a video of any length.
   */
  private final class VisionPass implements Pass {
    private final AnalysisInput input;
    private final int wanted = gateway.settings().framesPerVideo();
    private final List<Picture> kept = new ArrayList<>();
    private int seen;
    private int stride = 1;

    VisionPass(AnalysisInput input) {
      this.input = input;
    }

    @Override
    public void look(Picture picture) {
      if (seen++ % stride != 0) {
        return;
      }
      kept.add(new Picture(JpegParts.reduced(picture.image(), gateway.settings().imageSide()), picture.span()));
      if (kept.size() > 2 * wanted) {
        List<Picture> half = new ArrayList<>();
        for (int i = 0; i < kept.size(); i += 2) {
          half.add(kept.get(i));
        }
        kept.clear();
        kept.addAll(half);
        stride *= 2;
      }
    }

    @Override
    public AnalyzerOutput finish() {
      if (kept.isEmpty()) {
        return AnalyzerOutput.EMPTY;
      }
      List<Picture> sent = spread(kept, input.kind() == MediaKind.VIDEO ? wanted : 1);
      boolean video = input.kind() == MediaKind.VIDEO;
      ArrayNode parts = RemoteLook.parts();
      parts.addObject().put("type", "text").put("text", video ? framesText(sent) : "A photo.");
      List<String> urls = new ArrayList<>();
      for (Picture p : sent) {
        String url = JpegParts.dataUrl(p.image());
        urls.add(url);
        parts.addObject().put("type", "image_url").putObject("image_url").put("url", url).put("detail", "low");
      }
      String content = input.media().sha256() + "|" + sent.stream().map(p -> p.span() == null ? "still" : String.valueOf(p.span().startSeconds()))
          .collect(Collectors.joining(",")) + "|" + gateway.settings().imageSide();
      String key = ResponseCache.key(ID, gateway.settings().model(), Prompts.VISION_VERSION, content);
      long tokens = 350 + 100L * sent.size() + RemoteLook.MAX_REPLY_TOKENS;
      Gateway.Answer answer = gateway.ask(key, RemoteLook.request(Prompts.VISION, parts), tokens, video ? sent.size() : 0);
      if (answer.reply() == null) {
        return RemoteLook.unavailable(answer);
      }
      return new AnalyzerOutput(detections(answer.reply(), sent, video), RemoteLook.texts(answer.reply(), info.source(), "caption"), false)
          .withUsage(answer.usage());
    }
  }

  /** One detection per tag for a photo; for video one per frame the tag is seen in (all sent frames when it names none). */
  static List<Detection> detections(RemoteReply reply, List<Picture> sent, boolean video) {
    List<Detection> out = new ArrayList<>();
    for (RemoteReply.RemoteTag t : reply.tags()) {
      String label = t.label().toLowerCase(Locale.ROOT);
      if (!video) {
        out.add(new Detection(label, t.confidence(), RemoteLook.category(t.kind())));
        continue;
      }
      List<Integer> frames = t.frames().isEmpty() ? java.util.stream.IntStream.rangeClosed(1, sent.size()).boxed().toList() : t.frames();
      for (int f : frames) {
        out.add(new Detection(label, t.confidence(), RemoteLook.category(t.kind()), Evidence.at(spanOf(sent, f - 1))));
      }
    }
    return out;
  }

  /** A sent frame stands for the time until the next one. */
  private static TimeSpan spanOf(List<Picture> sent, int i) {
    double start = sent.get(i).span() == null ? 0 : sent.get(i).span().startSeconds();
    if (i + 1 < sent.size() && sent.get(i + 1).span() != null) {
      return new TimeSpan(start, sent.get(i + 1).span().startSeconds());
    }
    return TimeSpan.at(start);
  }

  private static String framesText(List<Picture> sent) {
    String times = sent.stream().map(p -> p.span() == null ? "?" : clock(p.span().startSeconds())).collect(Collectors.joining(", "));
    return sent.size() + " frames of one video, numbered 1 to " + sent.size() + ", taken at " + times + ".";
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** {@code n} pictures evenly spread over the list: the middle one of each of {@code n} equal stretches. */
  static List<Picture> spread(List<Picture> all, int n) {
    if (all.size() <= n) {
      return List.copyOf(all);
    }
    List<Picture> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(all.get((int) Math.floor((i + 0.5) * (all.size() / (double) n))));
    }
    return out;
  }

  @Override
  public String toString() {
    return ID + "[" + info.model() + "]";
  }
}
