package dev.tagger.media;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
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
 */
final class KeyframeIndex {
  private static final KeyframeIndex NONE = new KeyframeIndex(null, 0, 0);

  private final @Nullable AVStream stream;
  private final double timeBase;
  private final long start;

  private KeyframeIndex(@Nullable AVStream stream, double timeBase, long start) {
    this.stream = stream;
    this.timeBase = timeBase;
    this.start = start;
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
        return new KeyframeIndex(s, avutil.av_q2d(s.time_base()), start);
      }
    }
    return NONE;
  }

  /** The time of the keyframe nearest to {@code seconds} and at most {@code reach} from it, or NaN when there is none. */
  double nearest(double seconds, double reach) {
    if (stream == null) {
      return Double.NaN;
    }
    long at = start + (long) Math.floor(seconds / timeBase);
    double best = Double.NaN;
    for (int flags : new int[] {AVSEEK_FLAG_BACKWARD, 0}) {
      AVIndexEntry e = avformat_index_get_entry_from_timestamp(stream, at, flags);
      if (e != null && !e.isNull() && (e.flags() & AVIndexEntry.AVINDEX_KEYFRAME) != 0) {
        double t = (e.timestamp() - start) * timeBase;
        if (Math.abs(t - seconds) <= reach && (Double.isNaN(best) || Math.abs(t - seconds) < Math.abs(best - seconds))) {
          best = t;
        }
      }
    }
    return best;
  }
}
