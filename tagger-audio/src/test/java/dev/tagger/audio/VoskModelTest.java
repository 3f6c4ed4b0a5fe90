package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagger.TaggerException;
import dev.tagger.model.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelTest {
  @TempDir
  Path dir;

  @Test
  void theEnglishModelIsUnpackedOnceIntoAWritableStoreAndReused() throws Exception {
    ModelStore store = new ModelStore(dir, true);
    Path unpacked = VoskModel.unpackEnglishSmall(store);
    assertThat(unpacked).isEqualTo(dir.resolve("vosk").resolve(VoskModel.ENGLISH_SMALL));
    assertThat(unpacked.resolve(".verified")).exists();
    assertThat(Files.size(unpacked.resolve("am/final.mdl"))).isEqualTo(15_962_575L);
    var before = Files.getLastModifiedTime(unpacked.resolve("am/final.mdl"));
    assertThat(VoskModel.unpackEnglishSmall(store)).isEqualTo(unpacked);
    assertThat(Files.getLastModifiedTime(unpacked.resolve("am/final.mdl"))).isEqualTo(before);
    try (var left = Files.list(dir.resolve("vosk"))) {
      assertThat(left).as("no temporary folders left").hasSize(1);
    }
    try (VoskModel model = VoskModel.open(unpacked, "mine")) {
      assertThat(model.name()).isEqualTo("mine");
      SpeechAnalyzer speech = new SpeechAnalyzer(model, SpeechOptions.DEFAULT);
      assertThat(speech.info().version()).endsWith(model.contentHash());
      // a longer time limit is another cache key: a transcript cut short is not served once the limit is raised
      SpeechAnalyzer longer = new SpeechAnalyzer(model, new SpeechOptions(-50, java.time.Duration.ofHours(2)));
      assertThat(longer.info().options()).isNotEqualTo(speech.info().options());
    }
  }

  @Test
  void theContentHashChangesWithAnyFileOfTheFolderNotWithItsName() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a/conf"));
    Files.writeString(a.resolve("model.conf"), "--sample-frequency=16000\n");
    Path b = Files.createDirectories(dir.resolve("b/conf"));
    Files.writeString(b.resolve("model.conf"), "--sample-frequency=16000\n");
    assertThat(VoskModel.contentHash(dir.resolve("a"))).isEqualTo(VoskModel.contentHash(dir.resolve("b")));
    Files.writeString(b.resolve("model.conf"), "--sample-frequency=8000\n");
    assertThat(VoskModel.contentHash(dir.resolve("a"))).isNotEqualTo(VoskModel.contentHash(dir.resolve("b")));
  }

  @Test
  void aFolderThatIsNoVoskModelIsAClearError() {
    assertThatThrownBy(() -> VoskModel.open(dir, "empty")).isInstanceOf(TaggerException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("not a Vosk model folder");
  }

  @Test
  void aReadOnlyStoreIsNotWrittenTo() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("r-xr-xr-x"));
    assertThat(VoskModel.writable(shared)).isFalse();
    assertThat(VoskModel.writable(dir)).isTrue();
  }
}
