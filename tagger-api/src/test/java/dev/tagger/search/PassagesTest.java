package dev.tagger.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.TimedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the index holds of an item: the words of its file name (not counters), long texts in pieces with their times. */
class PassagesTest {
  @Test
  void namesGiveTheirWordsAndCountersNone() {
    assertThat(Passages.fileNameWords("/photos/2019/beachSunset_2019.jpg")).isEqualTo("beach Sunset");
    assertThat(Passages.fileNameWords("/media/Town council - solar farm.mp4")).isEqualTo("Town council solar farm");
    assertThat(Passages.fileNameWords("C:\\Users\\ana\\parking-sign.png")).isEqualTo("parking sign");
    assertThat(Passages.fileNameWords("/dcim/IMG_2031.JPG")).isEmpty();
    assertThat(Passages.fileNameWords("/devset/p001.webp")).isEmpty();
    assertThat(Passages.fileNameWords("/media/a.jpg")).isEmpty();
  }

  @Test
  void aLongTranscriptIsCutIntoOverlappingPiecesThatKeepTheirTimes() {
    List<TimedWord> words = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      words.add(new TimedWord("w" + i, i * 0.5, i * 0.5 + 0.4, 1.0));
      text.append(i == 0 ? "" : " ").append("w").append(i);
    }
    TextItem said = new TextItem("transcript", text.toString(), new TimeSpan(0, 100), new Source("speech", "vosk", "1"), words);
    List<TextItem> pieces = Passages.pieces(said);

    assertThat(pieces).hasSize(3);
    assertThat(pieces.get(0).text()).startsWith("w0 ").endsWith(" w79");
    assertThat(pieces.get(1).text()).startsWith("w70 ").endsWith(" w149");
    assertThat(pieces.get(2).text()).startsWith("w140 ").endsWith(" w199");
    assertThat(pieces.get(1).span().startSeconds()).isEqualTo(35.0);
    assertThat(pieces.get(1).span().endSeconds()).isCloseTo(74.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Passages.of(new TagResult("/m/talk.mp4", MediaKind.VIDEO, "00", List.of(), List.of(), List.of(said), null, false, 1)))
        .containsKeys("file name").hasSize(4);
  }
}
