package dev.tagger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class JsonLinesSinkTest extends TagSinkContractKit {
  Path file;

  @Override
  protected TagSink newSink() {
    file = tmp.resolve("out/results.jsonl");
    return JsonLinesSink.toFile(file);
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) throws Exception {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(results.size());
    ObjectMapper m = new ObjectMapper();
    Map<String, JsonNode> byPath = lines.stream().map(l -> {
      try {
        return m.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not one JSON object per line: " + l, e);
      }
    }).collect(Collectors.toMap(n -> n.get("path").asText(), Function.identity()));
    JsonNode ok = byPath.get(results.get(0).path());
    assertThat(ok.get("kind").asText()).isEqualTo("image");
    assertThat(ok.get("error").isNull()).isTrue();
    JsonNode cat = ok.get("tags").get(0);
    assertThat(cat.get("name").asText()).isEqualTo("cat");
    assertThat(cat.get("confidence").asDouble()).isEqualTo(0.9);
    assertThat(cat.get("category").asText()).isEqualTo("object");
    assertThat(cat.at("/source/analyzer").asText()).isEqualTo("image-classifier");
    assertThat(cat.at("/source/model").asText()).isEqualTo("imagenet-mobilenetv2-int8");
    assertThat(cat.at("/source/version").asText()).isEqualTo("cc028fe6cae7");
    assertThat(ok.get("review").get(0).get("name").asText()).isEqualTo("sofa");
    JsonNode bad = byPath.get(results.get(results.size() - 1).path());
    assertThat(bad.at("/error/stage").asText()).isEqualTo("read");
    assertThat(bad.at("/error/message").asText()).contains("file is empty");
    assertThat(bad.get("tags")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void appendingGoesOnAfterALineAKillCutShort() throws Exception {
    Path out = tmp.resolve("watch.jsonl");
    Files.writeString(out, "{\"path\":\"a.jpg\"}\n{\"path\":\"b.j");
    try (JsonLinesSink sink = JsonLinesSink.appendingTo(out)) {
      sink.accept(success("c.jpg"));
    }
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(new ObjectMapper().readTree(lines.get(2)).get("path").asText()).endsWith("c.jpg");
  }
}
