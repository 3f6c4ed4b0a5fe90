package dev.tagger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tagger.testkit.TestModels;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  static final ModelEntry IMAGENET = ModelCatalog.defaults().get("imagenet-mobilenetv2-int8");

  @TempDir
  Path cache;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  byte[] realModel;

  @BeforeEach
  void serveTheRealModelLocally() throws Exception {
    realModel = Files.readAllBytes(TestModels.dir().resolve(IMAGENET.primary().path()));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/good.onnx", ex -> {
      requests.incrementAndGet();
      ex.sendResponseHeaders(200, realModel.length);
      ex.getResponseBody().write(realModel);
      ex.close();
    });
    server.createContext("/tampered.onnx", ex -> {
      byte[] bad = realModel.clone();
      bad[bad.length / 2] ^= 1;
      ex.sendResponseHeaders(200, bad.length);
      ex.getResponseBody().write(bad);
      ex.close();
    });
    server.createContext("/missing.onnx", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  ModelEntry servedAt(String name) {
    ModelFile f = IMAGENET.primary();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    return new ModelEntry(IMAGENET.id(), IMAGENET.version(), IMAGENET.licence(), List.of(new ModelFile(f.path(), f.bytes(), f.sha256(), url)));
  }

  @Test
  void everyCatalogEntryMatchesTheSharedModels() {
    ModelStore store = TestModels.store();
    for (ModelEntry e : ModelCatalog.defaults().entries()) {
      assertThat(store.resolve(e).primary()).exists();
    }
  }

  @Test
  void downloadsAMissingFileOnceVerifiesItAndKeepsIt() throws Exception {
    ModelStore store = new ModelStore(cache, false);
    Path path = store.resolve(servedAt("good.onnx")).primary();
    assertThat(path).startsWith(cache).hasBinaryContent(realModel);
    store.resolve(servedAt("good.onnx"));
    new ModelStore(cache, false).resolve(servedAt("good.onnx"));
    assertThat(requests.get()).isEqualTo(1);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aDownloadWithTheWrongHashIsDiscarded() throws Exception {
    ModelStore store = new ModelStore(cache, false);
    assertThatThrownBy(() -> store.resolve(servedAt("tampered.onnx")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("has sha256")
        .hasMessageContaining("expected " + IMAGENET.primary().sha256())
        .hasMessageContaining("discarded");
    assertThat(cache.resolve(IMAGENET.primary().path())).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void httpErrorsAndUnreachableHostsAreClear() {
    ModelStore store = new ModelStore(cache, false);
    assertThatThrownBy(() -> store.resolve(servedAt("missing.onnx"))).hasMessageContaining("failed with HTTP 404");
    ModelFile f = IMAGENET.primary();
    ModelEntry unreachable = new ModelEntry("x", "1", "", List.of(new ModelFile("x/y.onnx", 1, f.sha256(), URI.create("http://127.0.0.1:1/y.onnx"))));
    assertThatThrownBy(() -> store.resolve(unreachable)).isInstanceOf(ModelException.class).hasMessageContaining("cannot download");
  }

  @Test
  void aMissingDerivedModelSaysWhatItIsMadeFromAndWhereToPutIt() {
    ModelEntry faces = ModelCatalog.defaults().get("face-embed-dlib-128");
    assertThat(faces.primary().derived()).isTrue();
    assertThatThrownBy(() -> new ModelStore(cache, false).resolve(faces)).isInstanceOf(ModelException.class)
        .hasMessageContaining("face_recognition/faceapi_face_recognition.onnx is missing")
        .hasMessageContaining("derived, not downloadable as ONNX")
        .hasMessageContaining("@vladmandic/face-api 1.7.15").hasMessageContaining("sha256 92106ff02476d7bf0ce088003451142016e9906b63a2328a80aa00078b3891a5");
    assertThat(new ModelStore(TestModels.dir(), true).resolve(faces).primary()).exists();
  }

  @Test
  void aLocalFileWithTheWrongHashIsNeverHandedOut() throws Exception {
    Path target = cache.resolve(IMAGENET.primary().path());
    Files.createDirectories(target.getParent());
    Files.write(target, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> new ModelStore(cache, false).resolve(servedAt("good.onnx")))
        .hasMessageContaining("has sha256 039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81")
        .hasMessageContaining("Delete it and run again");
  }

  @Test
  void offlineStoresSayWhereToPutTheFile() {
    assertThatThrownBy(() -> new ModelStore(cache, true).resolve(IMAGENET))
        .hasMessageContaining("is missing and downloads are off")
        .hasMessageContaining(IMAGENET.primary().url().toString());
  }

  @Test
  void rootComesFromPropertyThenEnvironment() {
    assertThat(ModelStore.defaultRoot("/p", "/e")).isEqualTo(Path.of("/p"));
    assertThat(ModelStore.defaultRoot(null, "/e")).isEqualTo(Path.of("/e"));
    assertThat(ModelStore.defaultRoot(null, null).toString()).endsWith(".cache/tagger/models");
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    }
  }
}
