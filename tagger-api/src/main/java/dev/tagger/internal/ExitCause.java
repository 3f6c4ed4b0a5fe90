package dev.tagger.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a worker JVM ended, read from its exit status and its last output: the JVM's fatal-error report
 * ({@code #  SIGSEGV (0xb) at pc=...}, the problematic frame's library), {@code -XX:+ExitOnOutOfMemoryError}'s
 * last words, or the signal that killed it.
 *
 * @param signal the signal that crashed or killed it, 0 when none is known
 * @param library the native library the crash happened in, if the report names one
 */
record ExitCause(int exitCode, int signal, String signalName, String library, boolean outOfMemory, String memoryDetail, int heapMegabytes) {
  private static final Pattern FATAL = Pattern.compile("#\\s+(SIG[A-Z]+)\\s+\\(0x([0-9a-fA-F]+)\\)");
  private static final Pattern FRAME = Pattern.compile("#\\s+[CVJj]\\s+\\[([^+\\]\\s]+)");
  private static final Pattern OOM = Pattern.compile("OutOfMemoryError:?\\s*(.*)");

  static ExitCause of(int exitCode, List<String> lastLines, int heapMegabytes) {
    int signal = 0;
    String name = "";
    String library = "";
    boolean oom = false;
    String detail = "";
    for (int i = 0; i < lastLines.size(); i++) {
      String line = lastLines.get(i);
      Matcher fatal = FATAL.matcher(line);
      if (signal == 0 && fatal.find()) {
        name = fatal.group(1);
        signal = Integer.parseInt(fatal.group(2), 16);
      }
      if (line.contains("Problematic frame") && i + 1 < lastLines.size()) {
        Matcher frame = FRAME.matcher(lastLines.get(i + 1));
        if (frame.find()) {
          library = frame.group(1);
        }
      }
      Matcher m = OOM.matcher(line);
      if (!oom && m.find()) {
        oom = true;
        detail = m.group(1).strip();
      }
    }
    if (signal == 0 && exitCode > 128 && exitCode < 160) {
      signal = exitCode - 128;
      name = signalName(signal);
    }
    return new ExitCause(exitCode, signal, name, library, oom, detail, heapMegabytes);
  }

  /** Says it for a person: {@code crashed in native code (signal 11, SIGSEGV) in libfoo.so}. */
  String describe() {
    if (outOfMemory) {
      return "out of memory (" + (memoryDetail.isEmpty() ? "Java heap" : memoryDetail) + "; the worker's heap is " + heapMegabytes + " MB)";
    }
    if (signal == 9) {
      return "killed (signal 9, SIGKILL), most likely by the system for want of memory";
    }
    if (signal != 0) {
      return "crashed in native code (signal " + signal + (signalName.isEmpty() ? "" : ", " + signalName) + ")"
          + (library.isEmpty() ? "" : " in " + library);
    }
    return "its worker ended unexpectedly (exit code " + exitCode + ")";
  }

  private static String signalName(int signal) {
    return switch (signal) {
      case 4 -> "SIGILL";
      case 6 -> "SIGABRT";
      case 7 -> "SIGBUS";
      case 8 -> "SIGFPE";
      case 9 -> "SIGKILL";
      case 11 -> "SIGSEGV";
      case 15 -> "SIGTERM";
      default -> "";
    };
  }

  /** The last lines a worker wrote, on either stream, each cut to 500 characters. Thread-safe. */
  static final class Tail {
    private static final int LINES = 80;
    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
      if (lines.size() == LINES) {
        lines.removeFirst();
      }
      lines.addLast(line.length() > 500 ? line.substring(0, 500) : line);
    }

    synchronized void clear() {
      lines.clear();
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
