package dev.tagger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.Category;
import dev.tagger.MediaKind;
import dev.tagger.Source;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TextItem;
import dev.tagger.TimeSpan;
import dev.tagger.TimedWord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts become .srt and .vtt beside the video, in cues of about a sentence, and never over a person's subtitles. */
class SubtitleSinkTest {
  @TempDir Path dir;
  final SubtitleSink sink = new SubtitleSink();
  static final Source SPEECH = new Source("speech", "vosk-model-small-en-us-0.15", "1");

  /** Words one after another, 0.4 s each with 0.1 s between, from {@code start}. */
  static TextItem said(double start, String text) {
    List<TimedWord> words = new ArrayList<>();
    double t = start;
    for (String w : text.split(" ")) {
      words.add(new TimedWord(w, t, t + 0.4, 0.9));
      t += 0.5;
    }
    return new TextItem("transcript", text, new TimeSpan(start, t - 0.1), SPEECH, words);
  }

  TagResult video(String name, List<TextItem> texts, List<Tag> tags) {
    return new TagResult(dir.resolve(name).toString(), MediaKind.VIDEO, "0".repeat(64), tags, List.of(), texts, null, false, 10, List.of());
  }

  static Tag english() {
    return Tag.of("english", 0.8, Category.LANGUAGE, new Source("language", "opennlp-langdetect-183", "1.3.0"));
  }

  @Test
  void aTranscriptBecomesSrtAndVttNamedForStashWithCuesAtPausesAndNoLongerThanTwoLines() throws Exception {
    TextItem first = said(8.0, "the quick brown fox jumps over the lazy dog");
    TextItem second = said(14.0, "and then it runs away into the deep dark forest where nobody can ever find it again no matter how long they look");

    sink.accept(video("walk.mp4", List.of(first, second), List.of(english())));

    String srt = Files.readString(dir.resolve("walk.en.srt"));
    String vtt = Files.readString(dir.resolve("walk.en.vtt"));
    System.out.println(srt);
    assertThat(srt).startsWith("1\n00:00:08,000 --> 00:00:12,400\nthe quick brown fox\njumps over the lazy dog\n\n2\n00:00:14,000 --> ");
    assertThat(vtt).startsWith("WEBVTT\n\nNOTE " + SubtitleSink.MARK).contains("\n00:00:08.000 --> 00:00:12.400\nthe quick brown fox");
    List<SubtitleCues.Cue> cues = SubtitleCues.of(List.of(first, second));
    assertThat(cues).hasSizeGreaterThan(2).allSatisfy(c -> {
      assertThat(c.end() - c.start()).isLessThanOrEqualTo(SubtitleCues.MAX_SECONDS);
      assertThat(c.text().length()).isLessThanOrEqualTo(SubtitleCues.MAX_CHARS);
      assertThat(SubtitleCues.lines(c.text()).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(SubtitleCues.LINE_CHARS + 10));
    });
    assertThat(String.join(" ", cues.stream().map(SubtitleCues.Cue::text).toList())).isEqualTo(first.text() + " " + second.text());
  }

  @Test
  void ourSubtitlesAreReplacedOnTheNextRunButAPersonsAreNeverTouchedNorJoined() throws Exception {
    sink.accept(video("talk.mkv", List.of(said(1, "hello there")), List.of(english())));
    sink.accept(video("talk.mkv", List.of(said(1, "hello there again")), List.of(english())));
    assertThat(Files.readString(dir.resolve("talk.en.srt"))).contains("hello there again");

    // a run that ended between our two files: the .srt left from the run before is still ours
    String earlier = Files.readString(dir.resolve("talk.en.srt"));
    sink.accept(video("talk.mkv", List.of(said(1, "hello there once more")), List.of(english())));
    Files.writeString(dir.resolve("talk.en.srt"), earlier);
    sink.accept(video("talk.mkv", List.of(said(1, "hello there again")), List.of(english())));
    assertThat(Files.readString(dir.resolve("talk.en.vtt"))).contains("hello there again");

    // a person corrects our .srt: it is theirs now, and neither file is written again
    Files.writeString(dir.resolve("talk.en.srt"), Files.readString(dir.resolve("talk.en.srt")).replace("again", "friend"));
    String vttBefore = Files.readString(dir.resolve("talk.en.vtt"));
    sink.accept(video("talk.mkv", List.of(said(1, "something else")), List.of(english())));
    assertThat(Files.readString(dir.resolve("talk.en.srt"))).contains("hello there friend");
    assertThat(Files.readString(dir.resolve("talk.en.vtt"))).isEqualTo(vttBefore);

    // a person's own subtitle without a language code keeps ours away too
    Files.writeString(dir.resolve("film.srt"), "1\n00:00:01,000 --> 00:00:02,000\nmine\n");
    sink.accept(video("film.mp4", List.of(said(1, "hello there")), List.of(english())));
    assertThat(dir.resolve("film.en.srt")).doesNotExist();
    assertThat(Files.readString(dir.resolve("film.srt"))).contains("mine");

    // a person's file named in capitals counts too (on Windows and macOS it is the same file as ours would be)
    Files.writeString(dir.resolve("clip.EN.SRT"), "1\n00:00:01,000 --> 00:00:02,000\nmine\n");
    sink.accept(video("clip.mp4", List.of(said(1, "hello there")), List.of(english())));
    assertThat(dir.resolve("clip.en.srt")).doesNotExist();
    assertThat(dir.resolve("clip.en.vtt")).doesNotExist();
  }

  @Test
  void noSpeechNoLanguageAPhotoOrAFailedItemGiveWhatAPersonExpects() throws Exception {
    sink.accept(video("quiet.mp4", List.of(), List.of()));
    assertThat(dir.resolve("quiet.srt")).doesNotExist();

    sink.accept(video("unsure.mp4", List.of(said(2, "hmm")), List.of()));
    assertThat(dir.resolve("unsure.srt")).exists(); // no language found: no code, which players show as unknown

    sink.accept(new TagResult(dir.resolve("photo.jpg").toString(), MediaKind.IMAGE, null, List.of(), List.of(), List.of(said(0, "a b")),
        null, false, 1, List.of()));
    assertThat(dir.resolve("photo.srt")).doesNotExist();
    assertThat(SubtitleSink.code("English")).contains("en");
    assertThat(SubtitleSink.code("french")).contains("fr");
    assertThat(SubtitleSink.code("klingon")).isEmpty();
    assertThat(SubtitleCues.time(3725.5, ',')).isEqualTo("01:02:05,500");
    assertThat(SubtitleCues.vtt(SubtitleCues.of(List.of(said(0, "a<b & c"))), "n")).contains("a&lt;b &amp; c");
  }
}
