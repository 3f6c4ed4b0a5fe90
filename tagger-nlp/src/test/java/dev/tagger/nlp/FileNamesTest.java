package dev.tagger.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void wordsAndDatesFromFileNamesCameraNoiseGivesNothing() {
    FileNames.Parsed p = FileNames.parse("2019-07-04_grand-canyon_hike_IMG_0042.jpg");
    assertThat(p.phrases()).containsExactly("grand canyon", "hike");
    assertThat(p.dates()).containsExactly(LocalDate.of(2019, 7, 4));

    assertThat(FileNames.parse("IMG_0042.JPG").phrases()).isEmpty();
    assertThat(FileNames.parse("DSC_1234.jpg").phrases()).isEmpty();
    assertThat(FileNames.parse("PXL_20230512_183045123.MP.jpg").phrases()).isEmpty();
    assertThat(FileNames.parse("PXL_20230512_183045123.MP.jpg").dates()).containsExactly(LocalDate.of(2023, 5, 12));
    assertThat(FileNames.parse("VID_20191231_235959.mp4").dates()).containsExactly(LocalDate.of(2019, 12, 31));
    assertThat(FileNames.parse("MyHolidayInParis.png").phrases()).containsExactly("my holiday in paris");
    assertThat(FileNames.parse("beach day (2).jpg").phrases()).containsExactly("beach", "day");
    assertThat(FileNames.parse("20191332_not-a-date.jpg").dates()).isEmpty();
  }
}
