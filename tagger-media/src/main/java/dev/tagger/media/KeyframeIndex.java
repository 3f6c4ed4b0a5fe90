package dev.tagger.media;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry_from_timestamp;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jspecify.annotations.Nullable;

/**
 * Where a video's keyframes are, from the container's own index (MP4's sync-sample table, Matroska's cues),
 * read without decoding or even reading a packet. A container without an index answers that it knows of no
 * keyframe, and sampling then decodes as it did without one.
 *
 * <p>MP4's index holds decoding times, which run ahead of presentation times by a constant delay when the
 * stream has B-frames (x264's default: the first packet decodes at -2 frames). The delay is read off the
 * first entry against the stream's start, so a keyframe's time here is the time its picture shows: a
 * seek to an earlier time would make FFmpeg go back a whole group of pictures and decode forward.
 */
final class KeyframeIndex {
  private static final KeyframeIndex NONE = new KeyframeIndex(null, 0, 0, 0);

  private final @Nullable AVStream stream;
  private final double timeBase;
  private final long start;
  /** Presentation time minus index time, in the stream's time base (the B-frame delay; 0 without one). */
  private final long delay;

  private KeyframeIndex(@Nullable AVStream stream, double timeBase, long start, long delay) {
    this.stream = stream;
    this.timeBase = timeBase;
    this.start = start;
    this.delay = delay;
  }

  /** The index of the grabber's first video stream (not a cover picture). */
  static KeyframeIndex of(FFmpegFrameGrabber grabber) {
    AVFormatContext context = grabber.getFormatContext();
    if (context == null) {
      return NONE;
    }
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream s = context.streams(i);
      if (s.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO && (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
        if (avformat_index_get_entries_count(s) == 0 || s.time_base().den() == 0) {
          return NONE;
        }
        long start = s.start_time() == avutil.AV_NOPTS_VALUE ? 0 : s.start_time();
        AVIndexEntry first = avformat_index_get_entry(s, 0);
        long delay = first == null || first.isNull() ? 0 : Math.max(0, start - first.timestamp());
        return new KeyframeIndex(s, avutil.av_q2d(s.time_base()), start, delay);
      }
    }
    return NONE;
  }

  /** The time of the keyframe nearest to {@code seconds} and at most {@code reach} from it, or NaN when there is none. */
  double nearest(double seconds, double reach) {
    if (stream == null) {
      return Double.NaN;
    }
    long at = start - delay + (long) Math.floor(seconds / timeBase);
    double best = Double.NaN;
    for (int flags : new int[] {AVSEEK_FLAG_BACKWARD, 0}) {
      AVIndexEntry e = avformat_index_get_entry_from_timestamp(stream, at, flags);
      if (e != null && !e.isNull() && (e.flags() & AVIndexEntry.AVINDEX_KEYFRAME) != 0) {
        double t = (e.timestamp() + delay - start) * timeBase;
        if (Math.abs(t - seconds) <= reach && (Double.isNaN(best) || Math.abs(t - seconds) < Math.abs(best - seconds))) {
          best = t;
        }
      }
    }
    return best;
  }
}
