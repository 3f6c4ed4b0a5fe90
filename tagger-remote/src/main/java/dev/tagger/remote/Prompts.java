package dev.tagger.remote;

/**
 * The instructions the remote models get. A change to either prompt must change its version: the version is part
 * of the analyzers' provenance, of the result store's key and of the response cache's key, so replies to an old
 * prompt are never taken for replies to a new one.
 */
final class Prompts {
  static final String VISION_VERSION = "vision-prompt-1";
  static final String TEXT_VERSION = "text-prompt-1";

  static final String VISION = """
      You tag pictures for a media library. Reply with one JSON object and nothing else, of this form:
      {"tags": [{"label": "dog", "confidence": 0.95, "kind": "object", "frames": [1, 2]}], "caption": "..."}
      tags: at most 12, each a common English noun phrase of one to three words, in lower case, naming what is \
      clearly visible: objects, animals, the setting, an activity, legible text. kind is one of object, scene, \
      activity, text, other. confidence (0 to 1) is how sure you are that a person looking at the picture would \
      agree the tag applies; leave out what you are unsure of. Never name or guess who a person is, their age, \
      ethnicity or any other trait of theirs; name a brand only when its name is legible.
      frames: when you are shown numbered video frames, the numbers of the frames the tag is seen in.
      caption: one plain sentence saying what the picture (or the video) shows.""";

  static final String TEXT = """
      You tag media items by what is said and written in them. You are given an item's transcript, the text \
      read from its pictures, and its title and description where it has them. Reply with one JSON object and \
      nothing else, of this form:
      {"tags": [{"label": "renewable energy", "confidence": 0.9, "kind": "topic"}], "caption": "...", "summary": "..."}
      tags: at most 10, each one to three words in lower case: the topics the item is about (kind topic), and \
      places, organisations and events it names (kind entity). confidence (0 to 1) is how sure you are that a \
      person who read the text would agree; leave out what is only mentioned in passing. Never tag a private \
      person's name.
      caption: one plain sentence saying what the item is about.
      summary: when the text is longer than 150 words, two to four sentences that sum it up; else an empty string.""";

  private Prompts() {}
}
