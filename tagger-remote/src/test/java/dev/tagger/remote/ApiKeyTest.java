package dev.tagger.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key never shows itself: not in its text, not in the error for a key a header cannot carry. */
class ApiKeyTest {
  @TempDir Path dir;

  @Test
  void aKeyFileWithAByteOrderMarkIsReadAndTheKeyNeverShows() throws Exception {
    Path file = Files.writeString(dir.resolve("key"), "\uFEFFsk-file-0123456789\n");
    ApiKey key = ApiKey.fromFile(file);
    assertThat(key.bearer()).isEqualTo("Bearer sk-file-0123456789");
    assertThat(key.toString()).isEqualTo("key from key file " + file).doesNotContain("0123456789");
    assertThat(key.scrub("invalid key sk-file-0123456789 given")).isEqualTo("invalid key *** given");
  }

  @Test
  void aKeyAHeaderCannotCarryIsRefusedWithoutShowingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("key"), "sk-secret part-two\n");
    assertThatThrownBy(() -> ApiKey.fromFile(file)).hasMessageContaining("key file " + file).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ApiKey.fromFile(dir.resolve("missing"))).hasMessageContaining("cannot read the key file");
    assertThat(ApiKey.none().bearer()).isNull();
  }
}
