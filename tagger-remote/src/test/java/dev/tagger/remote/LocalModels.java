package dev.tagger.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.Category;
import dev.tagger.Media;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.nlp.KeywordAnalyzer;
import dev.tagger.onnx.ClassifierOptions;
import dev.tagger.onnx.DetectorOptions;
import dev.tagger.onnx.ImageClassifier;
import dev.tagger.onnx.ObjectDetector;
import dev.tagger.onnx.VisionVocabulary;
import dev.tagger.policy.TagPolicy;
import dev.tagger.testkit.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model behind the {@link InJvmGateway}: the project's own real models answering as a remote one would. Each
 * picture sent (a JPEG data URL) is written to a file and tagged by the COCO detector and the ImageNet classifier
 * with the default policy and vocabulary; the reply's tags are those, with the frames each was seen in, and its
 * caption names the strongest two. Text is tagged by the keyword analyzer. Thread-safe; closes its models.
 */
public final class LocalModels implements InJvmGateway.Model, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectDetector detector;
  private final ImageClassifier classifier;
  private final Tagger vision;
  private final Tagger text;
  private final Path scratch;

  public LocalModels() {
    detector = ObjectDetector.yoloxNano(TestModels.store(), DetectorOptions.YOLOX_NANO);
    classifier = ImageClassifier.imageNet(TestModels.store(), ClassifierOptions.IMAGENET);
    vision = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(detector).analyzer(classifier).policy(TagPolicy.defaults())
        .rules(VisionVocabulary.defaults()).parallelism(1).build();
    text = Tagger.builder().analyzer(new KeywordAnalyzer()).parallelism(1).build();
    try {
      scratch = Files.createTempDirectory("in-jvm-gateway");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String reply(JsonNode request) {
    List<String> pictures = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (JsonNode part : request.path("messages").path(1).path("content")) {
      if (part.path("type").asText().equals("image_url")) {
        pictures.add(part.path("image_url").path("url").asText());
      } else {
        words.append(part.path("text").asText()).append('\n');
      }
    }
    return pictures.isEmpty() ? readText(words.toString()) : look(pictures);
  }

  private String look(List<String> pictures) {
    Map<String, ObjectNode> tags = new LinkedHashMap<>();
    ObjectNode reply = JSON.createObjectNode();
    ArrayNode out = reply.putArray("tags");
    for (int i = 0; i < pictures.size(); i++) {
      String url = pictures.get(i);
      byte[] jpeg = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
      TagResult r = vision.tag(Media.of(write(jpeg, ".jpg")));
      for (Tag t : r.tags()) {
        ObjectNode n = tags.computeIfAbsent(t.name(), k -> out.addObject().put("label", k)
            .put("confidence", Math.round(t.confidence() * 100) / 100.0)
            .put("kind", t.category() == Category.SCENE ? "scene" : "object"));
        n.withArray("frames").add(i + 1);
      }
    }
    if (pictures.size() == 1) {
      tags.values().forEach(n -> n.remove("frames"));
    }
    List<String> top = tags.keySet().stream().limit(2).toList();
    return reply.put("caption", top.isEmpty() ? "A picture." : "A picture of " + String.join(" and ", top) + ".").toString();
  }

  private String readText(String words) {
    TagResult r = text.tag(Media.of(write(words.getBytes(StandardCharsets.UTF_8), ".txt")));
    ObjectNode reply = JSON.createObjectNode();
    ArrayNode out = reply.putArray("tags");
    r.tags().stream().limit(10).forEach(t -> out.addObject().put("label", t.name())
        .put("confidence", Math.round(t.confidence() * 100) / 100.0).put("kind", t.category() == Category.ENTITY ? "entity" : "topic"));
    List<String> top = r.tags().stream().map(Tag::name).limit(3).toList();
    reply.put("caption", top.isEmpty() ? "A text." : "A text about " + String.join(", ", top) + ".");
    String[] sentences = words.replaceAll("\\s+", " ").strip().split("(?<=[.!?]) ");
    return reply.put("summary", words.split("\\s+").length > 150 ? sentences[0] + (sentences.length > 1 ? " " + sentences[1] : "") : "")
        .toString();
  }

  private Path write(byte[] bytes, String suffix) {
    try {
      Path f = Files.createTempDirectory(scratch, "part").resolve("_" + suffix); // a name with no words in it
      Files.write(f, bytes);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    detector.close();
    classifier.close();
  }
}
