package dev.tagger.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Media;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.media.TestMedia.Shot;
import dev.tagger.spi.RgbImage;
import dev.tagger.testkit.TestModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video sends a few frames in one request, and what each frame showed becomes a time segment. */
class RemoteVisionVideoTest {
  @TempDir Path dir;

  @Test
  void framesOfAVideoGiveSegmentsWhereEachThingIsSeen() throws IOException {
    FfmpegMediaDecoder decoder = new FfmpegMediaDecoder();
    RgbImage cat = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("cat-chelsea.png")));
    RgbImage dog = decoder.decodeImage(Media.of(TestModels.sampleMedia().resolve("dog-bicycle.jpg")));
    Path video = TestMedia.video(dir.resolve("cat-then-dog.mp4"), 640, 480, 10, List.of(new Shot(cat, 8), new Shot(dog, 8)));
    try (LocalModels models = new LocalModels(); InJvmGateway server = InJvmGateway.start("k", models)) {
      Tagger tagger = Tagger.builder().decoder(decoder).parallelism(1)
          .analyzer(new RemoteVisionAnalyzer(new Gateway(GatewaySettings.of(server.baseUrl(), "vision-large", ApiKey.of("k", "test"))))).build();
      TagResult r = tagger.tag(Media.of(video));

      assertThat(server.received()).singleElement().satisfies(q -> assertThat(q.body().path("messages").path(1).path("content")
          .findValues("image_url")).as("four frames in one request").hasSize(4));
      Tag dogTag = r.tag("dog").orElseThrow(() -> new AssertionError("no dog in " + r.tags()));
      assertThat(dogTag.segments()).isNotEmpty().allSatisfy(s -> assertThat(s.startSeconds()).isGreaterThanOrEqualTo(7.0));
      List<Segment> catTime = r.tags().stream().filter(t -> t.name().contains("cat")).flatMap(t -> t.segments().stream()).toList();
      assertThat(catTime).as("a cat tag in %s", r.tags()).isNotEmpty().allSatisfy(s -> assertThat(s.endSeconds()).as("until the first frame sent after the cut").isLessThanOrEqualTo(10.0));
      assertThat(r.texts()).anySatisfy(t -> assertThat(t.kind()).isEqualTo("caption"));
    }
  }
}
