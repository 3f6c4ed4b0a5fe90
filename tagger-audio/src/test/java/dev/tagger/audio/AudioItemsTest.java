package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.Category;
import dev.tagger.Media;
import dev.tagger.Segment;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.Tagger;
import dev.tagger.media.FfmpegMediaDecoder;
import dev.tagger.media.TestMedia;
import dev.tagger.nlp.KeywordAnalyzer;
import dev.tagger.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speech and sound analyzers on whole items: a video's soundtrack, and bad or silent audio. */
class AudioItemsTest {
  @TempDir
  static Path dir;
  static VoskModel model;
  static SoundEventAnalyzer sounds;
  static Tagger tagger;

  @BeforeAll
  static void open() {
    model = VoskModel.englishSmall(TestModels.store());
    sounds = SoundEventAnalyzer.audioSet(TestModels.store(), SoundEventOptions.DEFAULT);
    tagger = Tagger.builder().decoder(new FfmpegMediaDecoder())
        .analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT))
        .analyzer(sounds)
        .analyzer(new KeywordAnalyzer())
        .rules(SoundVocabulary.defaults())
        .build();
  }

  @AfterAll
  static void close() {
    sounds.close();
    model.close();
  }

  /** The eight voice clips one after another from 8 s into a 24 s video; the speech's end, in seconds. */
  static double talkVideo(Path video) throws Exception {
    int rate = 16_000;
    float[] audio = new float[rate * 24];
    int at = 8 * rate;
    for (String clip : SpeechAnalyzerTest.CLIPS.keySet()) {
      float[] speech = new FfmpegMediaDecoder().decodeAudio(Media.of(SpeechAnalyzerTest.audio(clip)), rate).samples();
      System.arraycopy(speech, 0, audio, at, speech.length);
      at += speech.length;
    }
    TestMedia.videoWithSoundtrack(video,
        new FfmpegMediaDecoder().decodeImage(Media.of(TestModels.sampleMedia().resolve("astronaut-portrait.png"))), 320, 240, audio, rate);
    return at / (double) rate;
  }

  @Test
  void aVideoWithSpeechGetsSubtitlesWhoseWordsAreTheTranscriptsAndWhoseCuesFallWithinTheSpeech() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("subtitled"));
    Path video = folder.resolve("talk.mkv");
    double speechEnd = talkVideo(video);
    Tagger subtitling = Tagger.builder().decoder(new FfmpegMediaDecoder()).analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT))
        .analyzer(new dev.tagger.nlp.LanguageAnalyzer(10, 0.3)).sink(new dev.tagger.sink.SubtitleSink()).build();

    TagResult r = subtitling.tag(Media.of(video));

    List<Path> written = Files.list(folder).filter(p -> p.toString().endsWith(".srt")).toList();
    System.out.println("subtitles: " + written + "; language tags " + r.tags().stream().filter(t -> t.category() == Category.LANGUAGE).toList());
    assertThat(written).hasSize(1);
    String srt = Files.readString(written.get(0));
    System.out.println(srt);
    java.util.regex.Matcher times = java.util.regex.Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d),(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d{3})").matcher(srt);
    int cues = 0;
    while (times.find()) {
      double start = Integer.parseInt(times.group(1)) * 3600 + Integer.parseInt(times.group(2)) * 60 + Integer.parseInt(times.group(3)) + Integer.parseInt(times.group(4)) / 1000.0;
      double end = Integer.parseInt(times.group(5)) * 3600 + Integer.parseInt(times.group(6)) * 60 + Integer.parseInt(times.group(7)) + Integer.parseInt(times.group(8)) / 1000.0;
      assertThat(start).isGreaterThanOrEqualTo(7.0);
      assertThat(end).isGreaterThan(start).isLessThanOrEqualTo(speechEnd + 1.0);
      cues++;
    }
    String words = srt.lines().filter(l -> !l.isBlank() && !l.matches("\\d+") && !l.contains("-->")).collect(java.util.stream.Collectors.joining(" "));
    String transcript = String.join(" ", r.texts().stream().filter(t -> t.kind().equals("transcript")).map(dev.tagger.TextItem::text).toList());
    assertThat(cues).isGreaterThan(0);
    assertThat(words).isEqualTo(transcript);
  }

  @Test
  void aVideoWhoseSoundtrackHoldsSpeechFrom8To19SecondsGetsThatSpeechSegmentAndTimedKeywords() throws Exception {
    Path video = dir.resolve("talk.mkv");
    double speechEnd = talkVideo(video);

    TagResult r = tagger.tag(Media.of(video));

    assertThat(r.error()).isNull();
    Tag speech = r.tag("speech").orElseThrow();
    assertThat(speech.category()).isEqualTo(Category.SPEECH);
    Segment s = speech.segments().get(0);
    System.out.printf("speech from 8.0 s to %.1f s; heard from %.2f s to %.2f s in %d segment(s): %s%n", speechEnd,
        s.startSeconds(), speech.segments().get(speech.segments().size() - 1).endSeconds(), speech.segments().size(), r.texts());
    assertThat(s.startSeconds()).isCloseTo(8.0, within(1.0));
    assertThat(speech.segments().get(speech.segments().size() - 1).endSeconds()).isCloseTo(speechEnd, within(1.0));
    java.util.List<Tag> heard = r.tags().stream()
        .filter(t -> t.category() == Category.KEYWORD && t.evidence().stream().anyMatch(e -> e.span() != null)).toList();
    System.out.println("keywords from the transcript: " + heard.stream().map(t -> t.name() + " " + t.evidence().get(0).span()).toList());
    // Word times place each keyword where it was said: "side" comes in the last two clips, after 16 s.
    assertThat(r.tag("side").orElseThrow().evidence().get(0).span().startSeconds()).isGreaterThan(16.0);
    assertThat(r.texts().get(0).words()).hasSize(16).first().satisfies(w -> {
      assertThat(w.word()).isEqualTo("front");
      assertThat(w.startSeconds()).isCloseTo(8.0, within(0.5));
    });
    assertThat(heard).isNotEmpty().allSatisfy(k -> assertThat(k.evidence()).allSatisfy(e -> {
      assertThat(e.span().startSeconds()).isGreaterThanOrEqualTo(7.0);
      assertThat(e.span().endSeconds()).isLessThanOrEqualTo(speechEnd + 1);
    }));
    assertThat(heard).extracting(Tag::name).anyMatch(n -> n.contains("center"));
    assertThat(r.tags()).extracting(Tag::name).contains("voice");
  }

  @Test
  void speechBesideSoundsHearsOneDecodeOfTheTrackAndTheSameWordsAsAlone() throws Exception {
    java.util.concurrent.atomic.AtomicInteger shared = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger single = new java.util.concurrent.atomic.AtomicInteger();
    FfmpegMediaDecoder ffmpeg = new FfmpegMediaDecoder();
    dev.tagger.spi.MediaDecoder counting = new dev.tagger.spi.MediaDecoder() {
      @Override
      public dev.tagger.spi.RgbImage decodeImage(Media media) {
        return ffmpeg.decodeImage(media);
      }

      @Override
      public java.util.List<dev.tagger.spi.VideoFrame> sampleFrames(Media media, dev.tagger.spi.SamplingPolicy policy) {
        return ffmpeg.sampleFrames(media, policy);
      }

      @Override
      public dev.tagger.spi.Pcm decodeAudio(Media media, int sampleRate) {
        single.incrementAndGet();
        return ffmpeg.decodeAudio(media, sampleRate);
      }

      @Override
      public void streamAudio(Media media, int sampleRate, int chunkSamples, dev.tagger.spi.PcmChunkHandler handler) {
        single.incrementAndGet();
        ffmpeg.streamAudio(media, sampleRate, chunkSamples, handler);
      }

      @Override
      public void streamAudio(Media media, java.util.List<AudioListener> listeners) {
        shared.incrementAndGet();
        ffmpeg.streamAudio(media, listeners);
      }
    };
    Tagger besideSounds = Tagger.builder().decoder(counting).analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT)).analyzer(sounds).build();
    Tagger alone = Tagger.builder().decoder(ffmpeg).analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT)).build();
    for (String clip : SpeechAnalyzerTest.CLIPS.keySet()) { // the project's real speech clips
      Path talk = SpeechAnalyzerTest.audio(clip);
      List<String> both = besideSounds.tag(Media.of(talk)).texts().stream().map(dev.tagger.TextItem::text).toList();
      List<String> own = alone.tag(Media.of(talk)).texts().stream().map(dev.tagger.TextItem::text).toList();
      System.out.println(clip + ": beside sounds " + both + ", alone " + own);
      assertThat(both).as(clip).isEqualTo(own).isNotEmpty();
    }
    assertThat(List.of(shared.get(), single.get())).as("one shared decode a clip, none of its own")
        .containsExactly(SpeechAnalyzerTest.CLIPS.size(), 0);
  }

  @Test
  void silenceGivesNoSpeechAndNoError() throws Exception {
    Path silent = TestMedia.longWav(dir.resolve("silence.wav"), 16_000, 16_000 * 5, i -> 0);
    TagResult r = tagger.tag(Media.of(silent));
    assertThat(r.error()).isNull();
    assertThat(r.tag("speech")).isEmpty();
    assertThat(r.texts()).isEmpty();
  }

  @Test
  void emptyCorruptAndTruncatedAudioGiveClearErrorsOrWhatCouldBeRead() throws Exception {
    Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
    assertThat(tagger.tag(Media.of(empty)).error().message()).contains("empty.wav").contains("empty");

    byte[] noise = new byte[4096];
    new Random(5).nextBytes(noise);
    Path corrupt = Files.write(dir.resolve("corrupt.wav"), noise);
    assertThat(tagger.tag(Media.of(corrupt)).error().message()).contains("corrupt.wav");

    Path bark = TestModels.sampleMedia().resolve("audio/applause.wav");
    Path cut = TestMedia.truncatedCopy(bark, dir.resolve("applause-cut.wav"), 0.5);
    TagResult r = tagger.tag(Media.of(cut));
    assertThat(r.error()).isNull();
    assertThat(r.tags()).extracting(Tag::key).contains("applause");
  }

  @Test
  void aTimeLimitStopsListeningWithoutAnError() throws Exception {
    Path speech = SpeechAnalyzerTest.audio("Front_Left.wav");
    Tagger limited = Tagger.builder().decoder(new FfmpegMediaDecoder())
        .analyzer(new SpeechAnalyzer(model, SpeechOptions.DEFAULT.withTimeLimit(java.time.Duration.ofNanos(1)))).build();
    TagResult r = limited.tag(Media.of(speech));
    assertThat(r.error()).isNull();
    assertThat(r.texts()).isEmpty();
  }

  @Test
  void applauseInTheMiddleOfAMinuteIsASegmentAroundIt() throws Exception {
    int rate = 16_000;
    float[] clap = new FfmpegMediaDecoder().decodeAudio(Media.of(TestModels.sampleMedia().resolve("audio/applause.wav")), rate).samples();
    Path file = TestMedia.longWav(dir.resolve("minute.wav"), rate, 60L * rate, i -> i >= 20L * rate && i < 20L * rate + clap.length
        ? clap[(int) (i - 20L * rate)] : 0);
    TagResult r = tagger.tag(Media.of(file));
    Tag applause = r.tags().stream().filter(t -> t.key().equals("applause")).findFirst().orElseThrow();
    System.out.println("applause 20.0-" + (20 + clap.length / (double) rate) + " s: segments " + applause.segments());
    assertThat(applause.segments()).hasSize(1);
    assertThat(applause.segments().get(0).startSeconds()).isBetween(10.0, 20.0);
    assertThat(applause.segments().get(0).endSeconds()).isBetween(27.0, 37.0);
  }

  @Test
  void soundsAreFoldedIntoEverydayWords() {
    TagResult r = tagger.tag(Media.of(TestModels.sampleMedia().resolve("audio/dog-bark.ogg")));
    assertThat(r.error()).isNull();
    Tag dog = r.tag("dog").orElseThrow();
    assertThat(dog.category()).isEqualTo(Category.SOUND);
    assertThat(r.tags()).extracting(Tag::name).doesNotContain("Animal", "Domestic animals, pets");
  }
}
