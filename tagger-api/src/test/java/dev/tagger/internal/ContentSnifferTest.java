package dev.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.MediaException;
import dev.tagger.MediaKind;
import dev.tagger.testkit.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {
  static byte[] bytes(int... b) {
    byte[] out = new byte[Math.max(b.length, 16)];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void realSamplePhotosAreImagesWhateverTheirName(@TempDir Path dir) throws Exception {
    Path renamed = dir.resolve("holiday.mp3");
    Files.copy(TestModels.sampleMedia().resolve("dog-bicycle.jpg"), renamed);
    assertThat(ContentSniffer.sniff(renamed)).isEqualTo(MediaKind.IMAGE);
    assertThat(ContentSniffer.sniff(TestModels.sampleMedia().resolve("cat-chelsea.png"))).isEqualTo(MediaKind.IMAGE);
  }

  @Test
  void magicNumbers() {
    assertThat(ContentSniffer.sniff(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'))).isEqualTo(MediaKind.VIDEO);
    assertThat(ContentSniffer.sniff(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '))).isEqualTo(MediaKind.AUDIO);
    assertThat(ContentSniffer.sniff(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'))).isEqualTo(MediaKind.IMAGE);
    assertThat(ContentSniffer.sniff(bytes(0x1A, 0x45, 0xDF, 0xA3))).isEqualTo(MediaKind.VIDEO);
    assertThat(ContentSniffer.sniff(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'))).isEqualTo(MediaKind.AUDIO);
    assertThat(ContentSniffer.sniff(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'))).isEqualTo(MediaKind.IMAGE);
    assertThat(ContentSniffer.sniff(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'A', 'V', 'I', ' '))).isEqualTo(MediaKind.VIDEO);
    assertThat(ContentSniffer.sniff(bytes('f', 'L', 'a', 'C'))).isEqualTo(MediaKind.AUDIO);
    assertThat(ContentSniffer.sniff(bytes('I', 'D', '3', 4))).isEqualTo(MediaKind.AUDIO);
    assertThat(ContentSniffer.sniff(bytes('G', 'I', 'F', '8', '9', 'a'))).isEqualTo(MediaKind.IMAGE);
  }

  @Test
  void textAndBinary() {
    assertThat(ContentSniffer.sniff("Grand Canyon hike, July 2019 — café".getBytes(StandardCharsets.UTF_8))).isEqualTo(MediaKind.TEXT);
    assertThat(ContentSniffer.sniff(bytes(0x00, 0x13, 0x37, 0x99, 0xFE, 0x01))).isEqualTo(MediaKind.UNKNOWN);
    byte[] latin1Garbage = {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1, 'a', 'b'};
    assertThat(ContentSniffer.sniff(latin1Garbage)).isEqualTo(MediaKind.UNKNOWN);
  }

  @Test
  void emptyMissingAndFolderGiveClearErrors(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    assertThatThrownBy(() -> ContentSniffer.sniff(empty)).isInstanceOf(MediaException.class).hasMessage(empty + ": file is empty (0 bytes)");
    Path missing = dir.resolve("gone.jpg");
    assertThatThrownBy(() -> ContentSniffer.sniff(missing)).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> ContentSniffer.sniff(dir)).hasMessage(dir + ": is a directory, not a media file");
  }
}
