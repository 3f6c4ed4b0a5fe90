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
    }
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
