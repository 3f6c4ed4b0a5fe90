package dev.tagger.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.BatchSummary;
import dev.tagger.Media;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.nlp.KeywordAnalyzer;
import dev.tagger.remote.InJvmGateway.Fault;
import dev.tagger.store.FileResultStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against an in-JVM server that speaks the chat completions API with real models behind it and
 * misbehaves on request: each case is handled as the issue states, the item keeps its local tags (the keyword
 * analyzer runs beside {@code remote-text}), and the key never shows.
 */
class GatewayTest {
  static final String KEY = "sk-test-3f9a1c77e2b04d51";
  static LocalModels models;
  InJvmGateway server;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    models = new LocalModels();
  }

  @AfterAll
  static void unload() {
    models.close();
  }

  @BeforeEach
  void start() {
    server = InJvmGateway.start(KEY, models);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  GatewaySettings settings() {
    return GatewaySettings.of(server.baseUrl(), "big-model", ApiKey.of(KEY, "test")).withLimits(0, 0)
        .withRetries(2, Duration.ofMillis(200)).withTimeout(Duration.ofSeconds(1));
  }

  Tagger tagger(Gateway gateway) {
    return Tagger.builder().analyzer(new KeywordAnalyzer()).analyzer(new RemoteTextAnalyzer(gateway)).parallelism(1).build();
  }

  /** A short article of its own for item {@code i}, so no two share a cache key. */
  Media article(int i) throws IOException {
    String[] topics = {"solar farm", "wind turbine", "river bridge", "city library", "bus station", "football stadium", "harbour crane",
        "railway tunnel", "forest trail", "market hall", "fire station", "water tower"};
    String topic = topics[i % topics.length] + (i >= topics.length ? " " + i : "");
    Path f = dir.resolve("article-" + i + ".txt");
    Files.writeString(f, "The council approved a new " + topic + " on Monday. The " + topic + " will open next year, and the "
        + topic + " is expected to draw many visitors. Residents asked questions about the " + topic + " and its cost.");
    return Media.of(f);
  }

  static List<Tag> remoteTags(TagResult r) {
    List<Tag> all = new ArrayList<>(r.tags());
    all.addAll(r.review());
    return all.stream().filter(t -> t.source().analyzer().equals(RemoteTextAnalyzer.ID)).toList();
  }

  @Test
  void aWellFormedReplyGivesTagsWithProvenanceACaptionAndItsCost() throws IOException {
    TagResult r = tagger(new Gateway(settings())).tag(article(0));

    assertThat(r.error()).isNull();
    assertThat(remoteTags(r)).extracting(Tag::name).contains("solar farm");
    assertThat(remoteTags(r).get(0).source().model()).isEqualTo("big-model via " + server.baseUrl());
    assertThat(r.texts()).anySatisfy(t -> {
      assertThat(t.kind()).isEqualTo("about");
      assertThat(t.text()).contains("solar farm");
    });
    assertThat(r.usage()).containsEntry("remote-text.requests", 1L).containsKey("remote-text.tokens_in");
    assertThat(server.received()).singleElement().satisfies(q -> {
      assertThat(q.authorization()).isEqualTo("Bearer " + KEY);
      assertThat(q.body().path("model").asText()).isEqualTo("big-model");
      assertThat(q.body().path("response_format").path("type").asText()).isEqualTo("json_object");
    });
  }

  @Test
  void aMalformedReplyKeepsTheLocalTagsAndIsAskedAgainNextRun() throws IOException {
    server.fail(Fault.MALFORMED);
    try (FileResultStore store = FileResultStore.open(dir.resolve("store"))) {
      Tagger tagger = Tagger.builder().analyzer(new KeywordAnalyzer()).analyzer(new RemoteTextAnalyzer(new Gateway(settings())))
          .resultStore(store).parallelism(1).build();
      Media item = article(1);
      TagResult first = tagger.tag(item);
      assertThat(first.error()).isNull();
      assertThat(first.tags()).extracting(t -> t.source().analyzer()).contains("keywords").doesNotContain(RemoteTextAnalyzer.ID);
      assertThat(first.partial()).singleElement().asString().startsWith("remote-text (malformed reply");
      assertThat(first.usage()).containsEntry("remote-text.failures", 1L);

      TagResult second = tagger.tag(item); // not kept in the store: the gateway is asked again, and answers
      assertThat(second.fromCache()).isFalse();
      assertThat(second.partial()).isEmpty();
      assertThat(remoteTags(second)).isNotEmpty();
      TagResult third = tagger.tag(item);
      assertThat(third.fromCache()).isTrue();
    }
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aReplyOutsideTheSchemaIsRejectedNamingTheField() throws IOException {
    server.fail(Fault.OUTSIDE_SCHEMA);
    TagResult r = tagger(new Gateway(settings())).tag(article(2));

    assertThat(r.error()).isNull();
    assertThat(remoteTags(r)).isEmpty();
    assertThat(r.partial()).singleElement().asString()
        .isEqualTo("remote-text (reply outside the schema: tags[0].confidence must be a number in [0, 1], got 7)");
  }

  @Test
  void tooManyRequestsWaitsForRetryAfterThenSucceeds() throws IOException {
    server.fail(Fault.TOO_MANY_REQUESTS);
    TagResult r = tagger(new Gateway(settings())).tag(article(3));

    assertThat(remoteTags(r)).isNotEmpty();
    List<InJvmGateway.Received> q = server.received();
    assertThat(q).hasSize(2);
    assertThat(Duration.ofNanos(q.get(1).nanos() - q.get(0).nanos())).as("the wait Retry-After named").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(r.usage()).containsEntry("remote-text.requests", 2L).containsEntry("remote-text.failures", 1L);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenGivenUp() throws IOException {
    server.fail(Fault.SERVER_ERROR);
    Gateway gateway = new Gateway(settings());
    assertThat(remoteTags(tagger(gateway).tag(article(4)))).as("one 500, then an answer").isNotEmpty();

    server.fail(Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    TagResult r = tagger(gateway).tag(article(5));
    assertThat(r.partial()).containsExactly("remote-text (HTTP 500 after 3 attempts)");
    List<InJvmGateway.Received> q = server.received();
    assertThat(q).hasSize(5);
    assertThat(Duration.ofNanos(q.get(4).nanos() - q.get(3).nanos())).as("the backoff doubles").isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(r.tags()).extracting(t -> t.source().analyzer()).contains("keywords");
  }

  @Test
  void aStallPastTheTimeoutIsRetriedThenGivenUp() throws IOException {
    server.fail(Fault.STALL);
    assertThat(remoteTags(tagger(new Gateway(settings())).tag(article(6)))).as("one stall, then an answer").isNotEmpty();

    server.fail(Fault.STALL, Fault.STALL, Fault.STALL);
    TagResult r = tagger(new Gateway(settings())).tag(article(7));
    assertThat(r.partial()).containsExactly("remote-text (no answer within 1 s after 3 attempts)");
    assertThat(r.millis()).as("three 1 s time-outs and the backoff, not three 3 s stalls").isLessThan(6000);
  }

  @Test
  void aWrongKeyTurnsTheGatewayOffForTheRunAndTheKeyNeverShows() throws IOException {
    String wrong = "sk-wrong-9d8e7f6a5b4c3d2e";
    Gateway gateway = new Gateway(new GatewaySettings(server.baseUrl(), "big-model", ApiKey.of(wrong, "test file"), Duration.ofSeconds(1),
        0, 0, 2, Duration.ofMillis(10), 0, null, 768, 4));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream was = System.err;
    BatchSummary summary;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      summary = tagger(gateway).tagAll(List.of(article(8), article(9), article(10)));
    } finally {
      System.setErr(was);
    }
    assertThat(summary.results()).allSatisfy(r -> {
      assertThat(r.error()).isNull();
      assertThat(r.partial()).containsExactly("remote-text (gateway refused the key)");
      assertThat(r.tags()).isNotEmpty();
      assertThat(r.toString()).doesNotContain(wrong);
    });
    assertThat(server.received()).as("one refusal, no retries, and no more requests in the run").hasSize(1);
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("refused the key (HTTP 401, key from test file)").doesNotContain(wrong).doesNotContain("9d8e7f6a");
    assertThat(log.lines().filter(l -> l.contains("refused the key"))).as("said once").hasSize(1);
    assertThat(gateway.settings().toString()).doesNotContain(wrong);
  }

  @Test
  void aWrongUrlTurnsTheGatewayOffAfterOneRequest() throws IOException {
    URI wrong = URI.create(server.baseUrl().toString().replace("/v1", "/v2"));
    Gateway gateway = new Gateway(GatewaySettings.of(wrong, "big-model", ApiKey.of(KEY, "test")).withLimits(0, 0));
    BatchSummary s = tagger(gateway).tagAll(List.of(article(50), article(51)));

    assertThat(server.received()).hasSize(1);
    assertThat(s.results()).allSatisfy(r -> assertThat(r.partial()).containsExactly("remote-text (gateway has no such endpoint or model)"));
  }

  @Test
  void repliesAreCachedByContentModelAndPromptVersion() throws IOException {
    Path cache = dir.resolve("replies");
    Media item = article(11);
    TagResult first = tagger(new Gateway(settings().withCache(cache))).tag(item);
    TagResult again = tagger(new Gateway(settings().withCache(cache))).tag(item); // a new run: no result store, same cache

    assertThat(server.received()).hasSize(1);
    assertThat(again.usage()).containsEntry("remote-text.cached", 1L).doesNotContainKey("remote-text.requests");
    assertThat(remoteTags(again)).extracting(Tag::name).isEqualTo(remoteTags(first).stream().map(Tag::name).toList());
    try (var files = Files.walk(cache)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).singleElement().asString().doesNotContain(KEY);
    }
    tagger(new Gateway(new GatewaySettings(server.baseUrl(), "other-model", ApiKey.of(KEY, "test"), Duration.ofSeconds(1), 0, 0, 0,
        Duration.ofMillis(10), 0, cache, 768, 4))).tag(item);
    assertThat(server.received()).as("another model is asked afresh").hasSize(2);
  }

  @Test
  void theBudgetCapsTheRunsRequests() throws IOException {
    Gateway gateway = new Gateway(settings().withBudget(2));
    BatchSummary s = tagger(gateway).tagAll(List.of(article(12), article(13), article(14), article(15)));

    assertThat(server.received()).hasSize(2);
    assertThat(s.results().stream().filter(r -> r.partial().contains("remote-text (request budget of 2 spent)"))).hasSize(2);
    assertThat(s.results()).allSatisfy(r -> assertThat(r.tags()).isNotEmpty());
  }

  @Test
  void aBurstIsHeldToTheRequestsPerSecond() throws IOException {
    Gateway gateway = new Gateway(settings().withLimits(4, 0));
    List<Media> items = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      items.add(article(20 + i));
    }
    Tagger tagger = Tagger.builder().analyzer(new RemoteTextAnalyzer(gateway)).parallelism(6).build();
    tagger.tagAll(items);

    List<Long> at = server.received().stream().map(InJvmGateway.Received::nanos).sorted().toList();
    assertThat(at).hasSize(12);
    int most = 0;
    for (int i = 0; i < at.size(); i++) {
      int inSecond = 0;
      for (long t : at) {
        if (t >= at.get(i) && t - at.get(i) < 1_000_000_000L) {
          inSecond++;
        }
      }
      most = Math.max(most, inSecond);
    }
    double rate = (at.size() - 1) / ((at.get(at.size() - 1) - at.get(0)) / 1e9);
    System.out.printf("burst of 12 items on 6 threads at --remote-rps 4: most in any second %d, mean rate %.2f/s%n", most, rate);
    assertThat(most).isLessThanOrEqualTo(4);
    assertThat(rate).isLessThanOrEqualTo(4.0);
  }

  @Test
  void aGatewayThatIsDownLeavesTheLocalTagsAndIsSaidOnce() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Gateway gateway = new Gateway(GatewaySettings.of(URI.create("http://127.0.0.1:" + closedPort + "/v1"), "big-model", ApiKey.of(KEY, "test"))
        .withRetries(1, Duration.ofMillis(50)));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream was = System.err;
    BatchSummary summary;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      summary = tagger(gateway).tagAll(List.of(article(40), article(41), article(42)));
    } finally {
      System.setErr(was);
    }
    assertThat(summary.results()).allSatisfy(r -> {
      assertThat(r.error()).isNull();
      assertThat(r.tags()).extracting(t -> t.source().analyzer()).contains("keywords");
      assertThat(r.partial()).containsExactly("remote-text (gateway unreachable)");
    });
    assertThat(summary.results().get(1).usage()).as("left alone after the first item").doesNotContainKey("remote-text.requests");
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log.lines().filter(l -> l.contains("unreachable"))).as("said once").singleElement().asString()
        .contains("the run goes on with local analyzers");
  }
}
