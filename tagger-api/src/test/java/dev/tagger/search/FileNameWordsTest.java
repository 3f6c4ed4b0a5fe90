package dev.tagger.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words a file name gives the search index, and the counters it does not. */
class FileNameWordsTest {
  @Test
  void namesGiveTheirWordsAndCountersNone() {
    assertThat(SearchIndex.fileNameWords("/photos/2019/beachSunset_2019.jpg")).isEqualTo("beach Sunset");
    assertThat(SearchIndex.fileNameWords("/media/Town council - solar farm.mp4")).isEqualTo("Town council solar farm");
    assertThat(SearchIndex.fileNameWords("C:\\Users\\ana\\parking-sign.png")).isEqualTo("parking sign");
    assertThat(SearchIndex.fileNameWords("/dcim/IMG_2031.JPG")).isEmpty();
    assertThat(SearchIndex.fileNameWords("/devset/p001.webp")).isEmpty();
    assertThat(SearchIndex.fileNameWords("/media/a.jpg")).isEmpty();
  }
}
