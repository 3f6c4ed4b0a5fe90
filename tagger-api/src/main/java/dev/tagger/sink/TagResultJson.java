package dev.tagger.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Evidence;
import dev.tagger.Segment;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a {@link TagResult}, one object per item: path, kind, sha256, tags (name,
 * confidence, category, source {analyzer, model, version}, share, count, segments, evidence), review,
 * texts (with time spans), error ({stage, message} or null), cached, millis and, for an item analyzed in
 * this run, analyzer_ms (wall milliseconds by analyzer id and decode).
 */
public final class TagResultJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TagResultJson() {}

  public static String toJsonLine(TagResult r) {
    return toJson(r).toString();
  }

  public static ObjectNode toJson(TagResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("path", r.path());
    o.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
    o.put("sha256", r.sha256());
    o.set("tags", tags(r.tags()));
    o.set("review", tags(r.review()));
    ArrayNode texts = o.putArray("texts");
    for (TextItem t : r.texts()) {
      ObjectNode n = texts.addObject();
      n.put("kind", t.kind());
      n.put("text", t.text());
      putSpan(n, t.span());
      if (t.source() != null) {
        n.set("source", source(t.source()));
      }
      if (!t.words().isEmpty()) {
        ArrayNode words = n.putArray("words");
        for (dev.tagger.TimedWord w : t.words()) {
          words.addObject().put("word", w.word()).put("start", w.startSeconds()).put("end", w.endSeconds()).put("confidence", w.confidence());
        }
      }
    }
    if (r.error() == null) {
      o.putNull("error");
    } else {
      ObjectNode e = o.putObject("error");
      e.put("stage", r.error().stage());
      e.put("message", r.error().message());
    }
    o.put("cached", r.fromCache());
    if (r.isPartial()) {
      o.set("partial", MAPPER.valueToTree(r.partial())); // analyzers a time limit cut short: tags may be missing
    }
    o.put("millis", r.millis());
    if (!r.analyzerMillis().isEmpty()) {
      ObjectNode spent = o.putObject("analyzer_ms"); // where the analysis spent its time
      new java.util.TreeMap<>(r.analyzerMillis()).forEach(spent::put);
    }
    if (!r.usage().isEmpty()) {
      ObjectNode cost = o.putObject("usage"); // what remote analyzers spent: requests, tokens, failures, cached replies
      new java.util.TreeMap<>(r.usage()).forEach(cost::put);
    }
    return o;
  }

  private static ArrayNode tags(List<Tag> tags) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Tag t : tags) {
      ObjectNode n = a.addObject();
      n.put("name", t.name());
      n.put("confidence", round(t.confidence()));
      n.put("category", t.category().name().toLowerCase(Locale.ROOT));
      n.set("source", source(t.source()));
      n.put("share", round(t.share()));
      n.put("count", t.count());
      ArrayNode segs = n.putArray("segments");
      for (Segment s : t.segments()) {
        ObjectNode sn = segs.addObject();
        sn.put("start", round(s.startSeconds()));
        sn.put("end", round(s.endSeconds()));
        sn.put("peak", round(s.peakConfidence()));
        sn.put("mean", round(s.meanConfidence()));
      }
      ArrayNode ev = n.putArray("evidence");
      for (Evidence e : t.evidence()) {
        ObjectNode en = ev.addObject();
        putSpan(en, e.span());
        if (e.box() != null) {
          ArrayNode box = en.putArray("box");
          box.add(round(e.box().x())).add(round(e.box().y())).add(round(e.box().width())).add(round(e.box().height()));
        }
        if (e.text() != null) {
          en.put("text", e.text());
        }
        if (!e.points().isEmpty()) {
          ArrayNode points = en.putArray("points");
          e.points().forEach(p -> points.addArray().add(round(p.x())).add(round(p.y())));
        }
      }
      if (t.origins().size() > 1) {
        ArrayNode from = n.putArray("from");
        t.origins().stream().filter(k -> !k.equals(t.key())).forEach(from::add);
      }
    }
    return a;
  }

  private static ObjectNode source(Source s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("analyzer", s.analyzer());
    n.put("model", s.model());
    n.put("version", s.version());
    return n;
  }

  private static void putSpan(ObjectNode n, TimeSpan span) {
    if (span != null) {
      n.put("start", round(span.startSeconds()));
      n.put("end", round(span.endSeconds()));
    }
  }

  private static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }
}
