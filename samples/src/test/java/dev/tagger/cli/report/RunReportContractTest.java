package dev.tagger.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink contract for {@link RunReport}: every result counted once, failures by stage with examples, written on close. */
class RunReportContractTest extends TagSinkContractKit {
  @Override
  protected TagSink newSink() {
    return new RunReport(tmp.resolve("report.json"), Map.of("command", "test"));
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) throws Exception {
    sink.close();
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
    assertThat(report.path("run").path("items").asInt()).isEqualTo(results.size());
    long failed = results.stream().filter(r -> !r.succeeded()).count();
    assertThat(report.path("outcomes").path("failed").asLong()).isEqualTo(failed);
    assertThat(report.path("top_labels").get(0).path("label").asText()).isEqualTo("cat");
    assertThat(report.path("top_labels").get(0).path("items").asLong()).isEqualTo(results.size() - failed);
    assertThat(report.path("review_queue").path("tags").asLong()).isEqualTo(results.stream().mapToLong(r -> r.review().size()).sum());
    if (failed > 0) {
      assertThat(report.path("failures").get(0).path("examples")).isNotEmpty();
    }
    assertThat(report.path("settings").path("command").asText()).isEqualTo("test");
  }

  @Test
  void aNameThatIsNeitherHtmlNorJsonIsRefused() {
    assertThatThrownBy(() -> new RunReport(tmp.resolve("report.txt"), Map.of())).hasMessageContaining(".html or .json");
  }

  @Test
  void labelsAndMessagesAreEscapedInTheHtml() throws Exception {
    RunReport report = new RunReport(tmp.resolve("r.html"), Map.of("rules", "<script>alert(1)</script>"));
    report.accept(TagResult.failed("<img src=x onerror=alert(1)>.jpg", dev.tagger.MediaKind.UNKNOWN, null,
        new dev.tagger.ItemError("read", "</script><b>boom</b>"), 1));
    report.close();
    String html = Files.readString(tmp.resolve("r.html"));
    assertThat(html).doesNotContain("<b>boom</b>").doesNotContain("<script>alert(1)</script>").contains("&lt;b&gt;boom&lt;/b&gt;");
  }
}
