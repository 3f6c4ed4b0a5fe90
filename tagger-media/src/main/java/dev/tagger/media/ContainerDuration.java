package dev.tagger.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A media file's duration as its container header states it, read in plain Java: no FFmpeg, no native
 * code, so a corrupt file can neither crash nor hang the JVM (a Spark executor estimating how costly an
 * item is before tagging it). The format is told by its magic bytes, not by the file's extension:
 *
 * <ul>
 *   <li>ISO BMFF (MP4, MOV, M4A, 3GP): {@code mvhd} in {@code moov}, wherever {@code moov} is; {@code mdat}
 *       is seeked over, never read;
 *   <li>Matroska and WebM: {@code Duration} and {@code TimecodeScale} in the Segment's {@code Info};
 *   <li>RIFF WAVE: the {@code data} chunk's size over the {@code fmt } chunk's byte rate (the bytes the
 *       file holds when the size is unset, streamed, or more than the file has);
 *   <li>RIFF AVI: frames times microseconds a frame, from {@code avih};
 *   <li>FLAC: total samples over the sample rate, from STREAMINFO;
 *   <li>Ogg Vorbis and Ogg Opus: the granule position of the stream's last page (found in the file's last
 *       64 KiB) over the sample rate (48 kHz for Opus, less its pre-skip).
 * </ul>
 *
 * <p>Anything else (MP3, MPEG-TS, images, text) gives empty, as does a missing, corrupt or cut-off header
 * or a duration the header marks unknown. Reading is bounded whatever the file says: at most
 * {@value #MAX_VISITS} boxes, elements, chunks or pages are visited, no read is longer than
 * {@value #MAX_READ} bytes, and no buffer is sized by a number read from the file.
 */
public final class ContainerDuration {
  private static final int MAX_VISITS = 2_000;
  private static final int MAX_READ = 4_096;
  private static final int OGG_TAIL = 64 * 1024;
  private static final int OGG_HEADER = 27;

  private ContainerDuration() {}

  /**
   * The duration in seconds the header states, or empty when the format is not one it reads or the header
   * is missing, corrupt or truncated. Never throws for a bad file (an IOException reading it, too, gives
   * empty).
   */
  public static OptionalDouble read(Path file) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      double seconds = new Reader(raf).duration();
      return Double.isFinite(seconds) && seconds > 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  /** One file being read; every method answers NaN when it finds no duration. */
  private static final class Reader {
    private final RandomAccessFile raf;
    private final long length;
    private int visits;

    Reader(RandomAccessFile raf) throws IOException {
      this.raf = raf;
      this.length = raf.length();
    }

    double duration() throws IOException {
      if (length < 12) {
        return Double.NaN;
      }
      ByteBuffer head = bytes(0, 12, ByteOrder.BIG_ENDIAN);
      String magic = ascii(head, 0, 4);
      String form = ascii(head, 8, 4);
      if (head.getInt(0) == 0x1A45DFA3) {
        return matroska();
      } else if (magic.equals("RIFF")) {
        return form.equals("WAVE") ? wave() : form.equals("AVI ") ? avi() : Double.NaN;
      } else if (magic.equals("OggS")) {
        return ogg();
      } else if (magic.equals("fLaC")) {
        return flac();
      } else if (java.util.Set.of("ftyp", "moov", "mdat", "free", "skip", "wide").contains(ascii(head, 4, 4))) {
        return isoBmff();
      }
      return Double.NaN;
    }

    // ISO BMFF

    private double isoBmff() throws IOException {
      long[] moov = findBox(0, length, 0x6D6F6F76);
      long[] mvhd = moov == null ? null : findBox(moov[0] + moov[2], moov[0] + moov[1], 0x6D766864);
      if (mvhd == null) {
        return Double.NaN;
      }
      long data = mvhd[0] + mvhd[2];
      int version = bytes(data, 1, ByteOrder.BIG_ENDIAN).get(0);
      int need = version == 1 ? 32 : version == 0 ? 20 : -1;
      if (need < 0 || mvhd[1] - mvhd[2] < need) {
        return Double.NaN;
      }
      ByteBuffer b = bytes(data, need, ByteOrder.BIG_ENDIAN);
      long timescale = Integer.toUnsignedLong(b.getInt(version == 1 ? 20 : 12));
      long duration = version == 1 ? b.getLong(24) : Integer.toUnsignedLong(b.getInt(16));
      boolean unknown = version == 1 ? duration < 0 : duration == 0xFFFFFFFFL;
      return timescale == 0 || unknown ? Double.NaN : (double) duration / timescale;
    }

    /**
     * The first box of the type among the boxes from {@code from} to {@code end}: its start, size (to the
     * end of the file for size 0, the 64-bit one for size 1) and header length; null when none, or when a
     * box before it is corrupt or runs past {@code end} (a cut-off file).
     */
    private long @Nullable [] findBox(long from, long end, int type) throws IOException {
      for (long pos = from; pos + 8 <= end && visits++ < MAX_VISITS; ) {
        ByteBuffer b = bytes(pos, 8, ByteOrder.BIG_ENDIAN);
        long size = Integer.toUnsignedLong(b.getInt(0));
        int header = 8;
        if (size == 1) {
          size = bytes(pos + 8, 8, ByteOrder.BIG_ENDIAN).getLong(0);
          header = 16;
        } else if (size == 0) {
          size = length - pos;
        }
        if (size < header || size > end - pos) {
          return null; // smaller than its own header (corrupt), or running past its parent (cut off)
        }
        if (b.getInt(4) == type) {
          return new long[] {pos, size, header};
        }
        pos += size;
      }
      return null;
    }

    // Matroska / WebM

    private double matroska() throws IOException {
      long[] header = element(0);
      long[] segment = header == null || header[1] < 0 ? null : findElement(header[2] + header[1], length, 0x18538067);
      long[] info = segment == null ? null : findElement(segment[0], segment[1], 0x1549A966);
      return info == null ? Double.NaN : info(info[0], info[1]);
    }

    /**
     * Where the data of the first element with the ID among those from {@code from} to {@code end} starts
     * and ends (the end of the range for an unknown size); null when none comes before the first Cluster,
     * or an element is corrupt or of unknown size and cannot be skipped.
     */
    private long @Nullable [] findElement(long from, long end, long id) throws IOException {
      for (long pos = from; pos < end && visits++ < MAX_VISITS; ) {
        long[] e = element(pos);
        if (e == null || e[0] == 0x1F43B675) {
          return null;
        }
        long start = pos + e[2];
        if (e[0] == id) {
          return new long[] {start, e[1] < 0 ? end : Math.min(end, start + e[1])};
        }
        if (e[1] < 0) {
          return null;
        }
        pos = start + e[1];
      }
      return null;
    }

    private double info(long from, long end) throws IOException {
      long scale = 1_000_000;
      double duration = Double.NaN;
      for (long pos = from; pos < end && visits++ < MAX_VISITS; ) {
        long[] child = element(pos);
        if (child == null || child[1] < 0 || pos + child[2] + child[1] > end) {
          break; // what follows is corrupt, cut off, or (an Info of unknown size) not Info's
        }
        long start = pos + child[2];
        int size = (int) Math.min(child[1], 9);
        if (child[0] == 0x2AD7B1 && size >= 1 && size <= 8) {
          ByteBuffer b = bytes(start, size, ByteOrder.BIG_ENDIAN);
          scale = 0;
          for (int i = 0; i < size; i++) {
            scale = scale << 8 | (b.get(i) & 0xFF);
          }
        } else if (child[0] == 0x4489 && (size == 4 || size == 8)) {
          ByteBuffer b = bytes(start, size, ByteOrder.BIG_ENDIAN);
          duration = size == 4 ? b.getFloat(0) : b.getDouble(0);
        }
        pos = start + child[1];
      }
      return scale <= 0 ? Double.NaN : duration * scale / 1e9;
    }

    /** An EBML element's ID, data size (-1 when unknown) and header length, or null when corrupt. */
    private long @Nullable [] element(long pos) throws IOException {
      int available = (int) Math.min(12, length - pos);
      if (available < 2) {
        return null;
      }
      ByteBuffer b = bytes(pos, available, ByteOrder.BIG_ENDIAN);
      int idLength = Integer.numberOfLeadingZeros(b.get(0) & 0xFF) - 23;
      if (idLength < 1 || idLength > 4 || idLength >= available) {
        return null;
      }
      long id = 0;
      for (int i = 0; i < idLength; i++) {
        id = id << 8 | (b.get(i) & 0xFF);
      }
      int first = b.get(idLength) & 0xFF;
      int sizeLength = Integer.numberOfLeadingZeros(first) - 23;
      if (sizeLength < 1 || sizeLength > 8 || idLength + sizeLength > available) {
        return null;
      }
      long size = first & (0xFF >> sizeLength);
      boolean allOnes = size == (0xFF >> sizeLength);
      for (int i = 1; i < sizeLength; i++) {
        int next = b.get(idLength + i) & 0xFF;
        allOnes &= next == 0xFF;
        size = size << 8 | next;
      }
      return new long[] {id, allOnes ? -1 : size, idLength + sizeLength};
    }

    // RIFF: WAVE and AVI

    private double wave() throws IOException {
      long byteRate = 0;
      long dataBytes = -1;
      for (long pos = 12; pos + 8 <= length && visits++ < MAX_VISITS && (byteRate == 0 || dataBytes < 0); ) {
        ByteBuffer chunk = bytes(pos, 8, ByteOrder.LITTLE_ENDIAN);
        String id = ascii(chunk, 0, 4);
        long size = Integer.toUnsignedLong(chunk.getInt(4));
        if (id.equals("fmt ") && size >= 12 && pos + 20 <= length) {
          byteRate = Integer.toUnsignedLong(bytes(pos + 16, 4, ByteOrder.LITTLE_ENDIAN).getInt(0));
        } else if (id.equals("data")) {
          long held = length - (pos + 8);
          dataBytes = size == 0 || size == 0xFFFFFFFFL ? held : Math.min(size, held);
        }
        pos += 8 + size + (size & 1);
      }
      return byteRate == 0 || dataBytes < 0 ? Double.NaN : (double) dataBytes / byteRate;
    }

    private double avi() throws IOException {
      for (long pos = 12; pos + 12 <= length && visits++ < MAX_VISITS; ) {
        ByteBuffer chunk = bytes(pos, 12, ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(chunk.getInt(4));
        if (ascii(chunk, 0, 4).equals("LIST") && ascii(chunk, 8, 4).equals("hdrl")) {
          if (size < 4 + 8 + 20 || pos + 12 + 8 + 20 > length) {
            return Double.NaN;
          }
          ByteBuffer avih = bytes(pos + 12, 8 + 20, ByteOrder.LITTLE_ENDIAN);
          if (!ascii(avih, 0, 4).equals("avih") || Integer.toUnsignedLong(avih.getInt(4)) < 20) {
            return Double.NaN;
          }
          long microsPerFrame = Integer.toUnsignedLong(avih.getInt(8));
          long frames = Integer.toUnsignedLong(avih.getInt(8 + 16));
          return (double) frames * microsPerFrame / 1e6;
        }
        pos += 8 + size + (size & 1);
      }
      return Double.NaN;
    }

    // FLAC

    private double flac() throws IOException {
      if (8 + 18 > length) {
        return Double.NaN;
      }
      ByteBuffer block = bytes(4, 4 + 18, ByteOrder.BIG_ENDIAN);
      if ((block.get(0) & 0x7F) != 0 || (block.getInt(0) & 0xFFFFFF) < 34) {
        return Double.NaN; // the first block must be a whole STREAMINFO
      }
      long bits = block.getLong(4 + 10); // rate 20 bits, channels 3, bits a sample 5, total samples 36
      long rate = bits >>> 44;
      long total = bits & ((1L << 36) - 1);
      return rate == 0 || total == 0 ? Double.NaN : (double) total / rate;
    }

    // Ogg

    private double ogg() throws IOException {
      ByteBuffer page = bytes(0, (int) Math.min(MAX_READ, length), ByteOrder.LITTLE_ENDIAN);
      int segments = page.get(26) & 0xFF;
      int packet = OGG_HEADER + segments;
      if (packet + 19 > page.limit()) {
        return Double.NaN;
      }
      int serial = page.getInt(14);
      double rate;
      long preSkip = 0;
      if (ascii(page, packet, 7).equals("\u0001vorbis")) {
        rate = Integer.toUnsignedLong(page.getInt(packet + 12));
      } else if (ascii(page, packet, 8).equals("OpusHead")) {
        rate = 48_000;
        preSkip = Short.toUnsignedInt(page.getShort(packet + 10));
      } else {
        return Double.NaN;
      }
      long granule = lastGranule(serial);
      return rate == 0 || granule < 0 ? Double.NaN : (granule - preSkip) / rate;
    }

    /** The granule position of the stream's last page that has one, searched backwards in the file's tail. */
    private long lastGranule(int serial) throws IOException {
      long floor = Math.max(0, length - OGG_TAIL);
      for (long blockEnd = length; blockEnd > floor && visits++ < MAX_VISITS; ) {
        long blockStart = Math.max(floor, blockEnd - (MAX_READ - OGG_HEADER));
        int read = (int) (Math.min(length, blockEnd + OGG_HEADER - 1) - blockStart);
        ByteBuffer b = bytes(blockStart, read, ByteOrder.LITTLE_ENDIAN);
        for (int i = (int) (blockEnd - blockStart) - 1; i >= 0; i--) {
          if (i + OGG_HEADER <= read && b.getInt(i) == 0x5367674F && b.get(i + 4) == 0 && (b.get(i + 5) & 0xF8) == 0
              && b.getInt(i + 14) == serial && b.getLong(i + 6) != -1
              && blockStart + i + OGG_HEADER + (b.get(i + 26) & 0xFF) <= length) {
            return b.getLong(i + 6);
          }
        }
        blockEnd = blockStart;
      }
      return -1;
    }

    // Reading

    /** Exactly {@code n} bytes (at most {@link #MAX_READ}) at {@code pos}; EOFException past the end. */
    private ByteBuffer bytes(long pos, int n, ByteOrder order) throws IOException {
      if (n < 0 || n > MAX_READ || pos < 0 || pos > length - n) {
        throw new EOFException("no " + n + " bytes at " + pos);
      }
      byte[] b = new byte[n];
      raf.seek(pos);
      raf.readFully(b);
      return ByteBuffer.wrap(b).order(order);
    }

    private static String ascii(ByteBuffer b, int offset, int n) {
      if (offset + n > b.limit()) {
        return "";
      }
      byte[] out = new byte[n];
      b.get(offset, out);
      return new String(out, StandardCharsets.ISO_8859_1);
    }
  }
}
