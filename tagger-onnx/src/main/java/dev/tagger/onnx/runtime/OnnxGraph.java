package dev.tagger.onnx.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A model file changed in memory before it is loaded, at the level of its protobuf encoding: an
 * intermediate tensor made a graph output, so that one run also gives, say, a classifier's pooled features.
 * The file on disk (verified by its sha256) is never changed. Only the wire format is read: {@code ModelProto}
 * field 7 is the graph, {@code GraphProto} field 1 a node (field 2 its outputs) and field 12 a graph output.
 */
public final class OnnxGraph {
  private OnnxGraph() {}

  /**
   * The model with these float tensors added as graph outputs.
   *
   * @throws IllegalArgumentException when the bytes are not an ONNX model or no node produces a name
   */
  public static byte[] withFloatOutputs(byte[] model, List<String> names) {
    Reader top = new Reader(model, 0, model.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + 64);
    boolean found = false;
    while (top.more()) {
      int fieldStart = top.pos;
      long tag = top.varint();
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      if (field == 7 && wire == 2) {
        int len = (int) top.varint();
        byte[] graph = java.util.Arrays.copyOfRange(model, top.pos, top.pos + len);
        top.pos += len;
        List<String> produced = producedNames(graph);
        ByteArrayOutputStream g = new ByteArrayOutputStream(graph.length + 64);
        g.writeBytes(graph);
        for (String name : names) {
          if (!produced.contains(name)) {
            throw new IllegalArgumentException("no node of the model produces a tensor named '" + name + "'");
          }
          byte[] info = valueInfo(name);
          writeVarint(g, (12L << 3) | 2);
          writeVarint(g, info.length);
          g.writeBytes(info);
        }
        writeVarint(out, (7L << 3) | 2);
        writeVarint(out, g.size());
        out.writeBytes(g.toByteArray());
        found = true;
      } else {
        top.skip(wire);
        out.write(model, fieldStart, top.pos - fieldStart);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("not an ONNX model: no graph");
    }
    return out.toByteArray();
  }

  /** Every tensor name a node of the graph produces. */
  static List<String> producedNames(byte[] graph) {
    List<String> names = new ArrayList<>();
    Reader r = new Reader(graph, 0, graph.length);
    while (r.more()) {
      long tag = r.varint();
      int wire = (int) (tag & 7);
      if ((tag >>> 3) == 1 && wire == 2) {
        int len = (int) r.varint();
        Reader node = new Reader(graph, r.pos, r.pos + len);
        while (node.more()) {
          long t = node.varint();
          if ((t >>> 3) == 2 && (t & 7) == 2) {
            int l = (int) node.varint();
            names.add(new String(graph, node.pos, l, StandardCharsets.UTF_8));
            node.pos += l;
          } else {
            node.skip((int) (t & 7));
          }
        }
        r.pos += len;
      } else {
        r.skip(wire);
      }
    }
    return names;
  }

  /** {@code ValueInfoProto { name, type { tensor_type { elem_type: FLOAT } } }}. */
  private static byte[] valueInfo(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    writeVarint(b, (1 << 3) | 2);
    writeVarint(b, n.length);
    b.writeBytes(n);
    b.writeBytes(new byte[] {0x12, 0x04, 0x0A, 0x02, 0x08, 0x01});
    return b.toByteArray();
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  /** Reads protobuf fields from a slice. */
  private static final class Reader {
    private final byte[] b;
    private final int end;
    int pos;

    Reader(byte[] b, int from, int end) {
      this.b = b;
      this.pos = from;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("not an ONNX model: a field runs past the end");
        }
        int x = b[pos++] & 0xFF;
        v |= (long) (x & 0x7F) << shift;
        if (x < 0x80) {
          return v;
        }
      }
      throw new IllegalArgumentException("not an ONNX model: a varint is too long");
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int len = (int) varint(); // read first: "pos += varint()" would add to the position before the length
          pos += len;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("not an ONNX model: wire type " + wire);
      }
      if (pos > end) {
        throw new IllegalArgumentException("not an ONNX model: a field runs past the end");
      }
    }
  }
}
