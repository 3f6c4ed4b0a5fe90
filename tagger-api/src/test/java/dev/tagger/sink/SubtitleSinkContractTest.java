package dev.tagger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.MediaKind;
import dev.tagger.TagResult;
import dev.tagger.spi.TagSink;
import dev.tagger.testkit.TagSinkContractKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SubtitleSinkContractTest extends TagSinkContractKit {
  @Override
  protected TagSink newSink() {
    return new SubtitleSink();
  }

  @Override
  protected TagResult success(String name) throws Exception {
    Path video = tmp.resolve(name.replace(".jpg", ".mp4"));
    Files.writeString(video, "x");
    return new TagResult(video.toString(), MediaKind.VIDEO, "00", List.of(SubtitleSinkTest.english()), List.of(),
        List.of(SubtitleSinkTest.said(1.0, "hello from " + name)), null, false, 5, List.of());
  }

  @Override
  protected void verifyWritten(TagSink sink, List<TagResult> results) throws Exception {
    for (TagResult r : results) {
      Path srt = Path.of(r.path().replaceAll("\\.[a-z0-9]+$", ".en.srt"));
      if (r.error() == null) {
        assertThat(Files.readString(srt)).contains("hello from " + Path.of(r.path()).getFileName().toString().replace(".mp4", ".jpg"));
      } else {
        assertThat(srt).doesNotExist();
      }
    }
  }
}
