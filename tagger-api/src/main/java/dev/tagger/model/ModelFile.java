package dev.tagger.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One file of a model.
 *
 * @param path where the file lies inside the store folder, with forward slashes (e.g. {@code imagenet/mobilenetv2-12-int8.onnx})
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param url where a missing file is downloaded from; null for a derived file
 * @param derivedFrom for a file that exists nowhere as downloadable ONNX (converted from another package's weights):
 *     what it was made from (package, files and their sha256) and how, said to whoever lacks the file; else null
 */
public record ModelFile(String path, long bytes, String sha256, @Nullable URI url, @Nullable String derivedFrom) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ModelFile {
    Objects.requireNonNull(path, "path");
    if ((url == null) == (derivedFrom == null)) {
      throw new IllegalArgumentException("model file " + path + " needs either a url or (for a derived file) derivedFrom");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 of model file " + path + " must be 64 hex digits, got '" + sha256 + "'");
    }
    if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("model file path must be relative, with forward slashes and no '..', got '" + path + "'");
    }
  }

  public ModelFile(String path, long bytes, String sha256, URI url) {
    this(path, bytes, sha256, Objects.requireNonNull(url, "url"), null);
  }

  /** True for a file converted from another package's weights: it cannot be downloaded, only put in place. */
  public boolean derived() {
    return derivedFrom != null;
  }
}
