package dev.tagger.media;

import java.lang.reflect.Field;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jspecify.annotations.Nullable;

/**
 * Lets the video decoder leave out frames no other frame is predicted from (non-reference frames: most
 * B-frames of x264 and camera encodes) while sampling decodes forward to a time far ahead. Such a frame
 * is never shown and never needed, so nothing that is shown changes. JavaCV keeps the codec context
 * private; it is read once by reflection, and without it nothing is skipped.
 */
final class FrameSkipping {
  private static final @Nullable Field VIDEO_CODEC = field();
  private final @Nullable AVCodecContext codec;

  private FrameSkipping(@Nullable AVCodecContext codec) {
    this.codec = codec;
  }

  static FrameSkipping of(FFmpegFrameGrabber grabber) {
    try {
      Object c = VIDEO_CODEC == null ? null : VIDEO_CODEC.get(grabber);
      return new FrameSkipping(c instanceof AVCodecContext ctx && !ctx.isNull() ? ctx : null);
    } catch (IllegalAccessException e) {
      return new FrameSkipping(null);
    }
  }

  /** The frames the decoder holds back to reorder them (B-frames), 0 when it does not know. */
  int reorderDelay() {
    return codec == null ? 0 : Math.max(0, codec.has_b_frames());
  }

  /** Non-reference frames are left out ({@code true}) or decoded as usual. */
  void skipNonReference(boolean skip) {
    if (codec != null) {
      codec.skip_frame(skip ? avcodec.AVDISCARD_NONREF : avcodec.AVDISCARD_DEFAULT);
    }
  }

  private static @Nullable Field field() {
    try {
      Field f = FFmpegFrameGrabber.class.getDeclaredField("video_c");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
