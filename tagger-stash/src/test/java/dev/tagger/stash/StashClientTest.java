package dev.tagger.stash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the fake Stash over HTTP: auth, GraphQL errors, retries through injected faults. */
class StashClientTest {
  static final String KEY = "s3cret-api-key-0451";
  FakeStash stash;

  @BeforeEach
  void start() throws Exception {
    stash = new FakeStash(KEY);
  }

  @AfterEach
  void stop() {
    stash.close();
  }

  StashConnection connection(String key) {
    return StashConnection.of(stash.url(), key).withRetries(6, Duration.ofMillis(5)).withTimeout(Duration.ofMillis(500));
  }

  @Test
  void aQueryRunsWithTheApiKey() {
    StashClient client = new StashClient(connection(KEY));
    assertThat(client.execute("Version", Map.of()).path("version").path("version").asText()).isEqualTo("v0.0.0-fake");
    assertThat(client.requests()).isEqualTo(1);
  }

  @Test
  void aMissingOrWrongKeyFailsAtOnceAndTheKeyIsNeverShown() {
    assertThatThrownBy(() -> new StashClient(connection(null)).execute("Version", Map.of()))
        .isInstanceOf(StashException.class).hasMessageContaining("HTTP 401").hasMessageContaining("needs an API key");
    StashClient wrong = new StashClient(connection("wrong-key-9999"));
    assertThatThrownBy(() -> wrong.execute("Version", Map.of()))
        .isInstanceOf(StashException.class).hasMessageContaining("API key is wrong").hasMessageNotContaining("wrong-key-9999");
    assertThat(wrong.requests()).isEqualTo(1);
    assertThat(connection(KEY).toString()).doesNotContain(KEY).contains("API key set");
  }

  @Test
  void graphQlErrorsCarryStashsMessage() {
    StashClient client = new StashClient(connection(KEY));
    client.execute("TagCreate", Map.of("input", Map.of("name", "cat")));
    assertThatThrownBy(() -> client.execute("TagCreate", Map.of("input", Map.of("name", "Cat"))))
        .isInstanceOf(StashException.class).hasMessageContaining("TagCreate").hasMessageContaining("already exists");
  }

  @Test
  void passingFaultsAreRetriedUntilTheyClear() {
    stash.failShare = 0.5;
    stash.stallMillis = 700; // past the client's 500 ms timeout
    StashClient client = new StashClient(connection(KEY));
    for (int i = 0; i < 20; i++) {
      assertThat(client.execute("Version", Map.of()).path("version").path("version").asText()).isEqualTo("v0.0.0-fake");
    }
    System.out.printf("20 queries with half the requests failing took %d requests%n", client.requests());
    assertThat(client.requests()).isGreaterThan(20);
  }

  @Test
  void aStashThatKeepsFailingIsGivenUpOnWithTheCause() {
    stash.failShare = 1.0;
    StashClient client = new StashClient(connection(KEY));
    assertThatThrownBy(() -> client.execute("Version", Map.of()))
        .isInstanceOf(StashException.class).hasMessageContaining("gave up after 6 attempts");
    assertThat(client.requests()).isEqualTo(6);
  }

  @Test
  void nobodyListeningIsAClearError() {
    String url = stash.url();
    stash.close();
    StashClient client = new StashClient(StashConnection.of(url, KEY).withRetries(2, Duration.ofMillis(1)));
    assertThatThrownBy(() -> client.execute("Version", Map.of())).isInstanceOf(StashException.class)
        .hasMessageContaining(url).hasMessageContaining("gave up after 2 attempts");
  }
}
