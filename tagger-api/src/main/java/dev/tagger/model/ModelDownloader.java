package dev.tagger.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads one model file to a temporary file beside its target, checks its sha256, then renames it. */
final class ModelDownloader {
  private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30))
      .build();

  void download(String modelId, ModelFile file, Path target) {
    String hint = "; download it by hand from " + file.url() + " to " + target + " (sha256 " + file.sha256() + ")";
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      LOG.info("downloading model {} file {} from {}", modelId, file.path(), file.url());
      if ("file".equalsIgnoreCase(file.url().getScheme())) {
        Files.copy(Path.of(file.url()), tmp, StandardCopyOption.REPLACE_EXISTING);
        checkAndMove(modelId, file, tmp, target, Hashing.sha256(tmp), hint);
        return;
      }
      HttpRequest request = HttpRequest.newBuilder(file.url()).timeout(Duration.ofMinutes(10)).GET().build();
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      MessageDigest digest = Hashing.newSha256();
      try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
        if (response.statusCode() != 200) {
          throw new ModelException("model " + modelId + ": download of " + file.url() + " failed with HTTP "
              + response.statusCode() + hint);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      checkAndMove(modelId, file, tmp, target, HexFormat.of().formatHex(digest.digest()), hint);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelException("model " + modelId + ": cannot download " + file.url() + ": " + e + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("model " + modelId + ": download of " + file.url() + " was interrupted", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a stray .part file is harmless and replaced next time
        }
      }
    }
  }

  private static void checkAndMove(String modelId, ModelFile file, Path tmp, Path target, String actual, String hint) throws IOException {
    if (!actual.equals(file.sha256())) {
      throw new ModelException("model " + modelId + ": downloaded " + file.url() + " has sha256 " + actual
          + ", expected " + file.sha256() + "; it was discarded" + hint);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target);
    }
  }
}
