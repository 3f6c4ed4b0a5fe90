package dev.tagger.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.model.Hashing;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.model.ModelCatalog;
import dev.tagger.model.ModelEntry;
import dev.tagger.model.ModelStore;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user swaps in a model of the same family with a catalog file alone: no code. */
class UserModelTest {
  @TempDir
  Path dir;

  @Test
  void aUserCatalogEntryWithItsOwnLabelsDrivesTheClassifier() throws Exception {
    Path net = TestModels.dir().resolve("imagenet/mobilenetv2-12-int8.onnx");
    Path labels = Files.writeString(dir.resolve("my-labels.txt"),
        ImageClassifier.imageNetLabels().stream().map(l -> "my " + l).collect(Collectors.joining("\n")) + "\n");
    Path catalogFile = Files.writeString(dir.resolve("my-catalog.json"), """
        {"models": [{"id": "my-classifier", "version": "7", "licence": "mine", "inputSize": 224, "labels": "my/labels.txt",
          "files": [
            {"path": "my/net.onnx", "sha256": "%s", "url": "%s"},
            {"path": "my/labels.txt", "sha256": "%s", "url": "%s"}]}]}
        """.formatted(Hashing.sha256(net), net.toUri(), Hashing.sha256(labels), labels.toUri()));
    ModelEntry entry = ModelCatalog.defaults().with(ModelCatalog.load(catalogFile)).get("my-classifier");
    ModelStore store = new ModelStore(dir.resolve("store"), false);

    try (ImageClassifier mine = ImageClassifier.fromCatalog(store, entry, ClassifierOptions.IMAGENET)) {
      TagResult r = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(mine).build()
          .tag(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
      assertThat(r.tags().get(0).name()).isIn("my tabby", "my tiger cat", "my Egyptian cat");
      assertThat(r.tags().get(0).source().model()).isEqualTo("my-classifier");
      assertThat(r.tags().get(0).source().version()).isEqualTo("7");
    }
    assertThat(dir.resolve("store/my/net.onnx")).exists();
  }
}
