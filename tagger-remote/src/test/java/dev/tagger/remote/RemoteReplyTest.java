package dev.tagger.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reply schema: what passes, and which field a failing reply is named by. */
class RemoteReplyTest {
  @Test
  void aFencedReplyPassesWithItsFields() {
    RemoteReply r = RemoteReply.parse("```json\n{\"tags\": [{\"label\": \" Red Kite \", \"confidence\": 0.9, \"kind\": \"Object\","
        + " \"frames\": [2, 1, 2]}], \"caption\": \"A bird.\", \"extra\": 1}\n```", 3);
    assertThat(r.tags()).singleElement().satisfies(t -> {
      assertThat(t.label()).isEqualTo("Red Kite");
      assertThat(t.kind()).isEqualTo("object");
      assertThat(t.frames()).containsExactly(1, 2);
    });
    assertThat(r.caption()).isEqualTo("A bird.");
    assertThat(r.summary()).isEmpty();
  }

  @Test
  void framesPastThoseSentAreDroppedAPhotosAreIgnoredAndLabelsCleaned() {
    RemoteReply video = RemoteReply.parse("{\"tags\": [{\"label\": \"dog|cat\\n\", \"confidence\": 0.5, \"frames\": [2, 5]}]}", 4);
    assertThat(video.tags().get(0).frames()).containsExactly(2);
    assertThat(video.tags().get(0).label()).isEqualTo("dog cat");
    RemoteReply photo = RemoteReply.parse("{\"tags\": [{\"label\": \"dog\", \"confidence\": 0.5, \"frames\": [1, 2]}]}", 0);
    assertThat(photo.tags().get(0).frames()).isEmpty();
  }

  @Test
  void brokenRepliesAreNamedByTheirField() {
    assertThatThrownBy(() -> RemoteReply.parse("tags: dog", 0)).hasMessageStartingWith("the reply is not JSON");
    assertThatThrownBy(() -> RemoteReply.parse("[1]", 0)).hasMessage("the reply is not a JSON object");
    assertThatThrownBy(() -> RemoteReply.parse("{\"caption\": \"x\"}", 0)).hasMessage("tags is missing or not an array");
    assertThatThrownBy(() -> RemoteReply.parse("{\"tags\": [{\"label\": \"\", \"confidence\": 0.5}]}", 0))
        .hasMessage("tags[0].label must be a string of 1 to 64 characters");
    assertThatThrownBy(() -> RemoteReply.parse("{\"tags\": [{\"label\": \"dog\", \"confidence\": \"high\"}]}", 0))
        .hasMessageStartingWith("tags[0].confidence must be a number in [0, 1]");
    assertThatThrownBy(() -> RemoteReply.parse("{\"tags\": [{\"label\": \"dog\", \"confidence\": 0.5, \"kind\": \"breed\"}]}", 0))
        .hasMessageStartingWith("tags[0].kind must be one of");
    assertThatThrownBy(() -> RemoteReply.parse("{\"tags\": [{\"label\": \"dog\", \"confidence\": 0.5, \"frames\": [\"x\"]}]}", 4))
        .hasMessage("tags[0].frames holds \"x\", not a frame number");
    assertThatThrownBy(() -> RemoteReply.parse("{\"tags\": [], \"caption\": " + "\"" + "x".repeat(401) + "\"}", 0))
        .hasMessage("caption must be a string of at most 400 characters");
  }
}
