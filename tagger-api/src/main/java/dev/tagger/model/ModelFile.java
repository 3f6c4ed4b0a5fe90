package dev.tagger.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a model.
 *
 * @param path where the file lies inside the store folder, with forward slashes (e.g. {@code imagenet/mobilenetv2-12-int8.onnx})
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param url where a missing file is downloaded from
 */
public record ModelFile(String path, long bytes, String sha256, URI url) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ModelFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(url, "url");
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 of model file " + path + " must be 64 hex digits, got '" + sha256 + "'");
    }
    if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("model file path must be relative, with forward slashes and no '..', got '" + path + "'");
    }
  }
}
