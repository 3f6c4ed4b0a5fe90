package dev.tagger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CLI run in this JVM with stdout and stderr captured. */
record CliRun(int exitCode, List<JsonNode> lines, String stderr, String stdout) {
  static synchronized CliRun of(String... args) throws Exception {
    return withInput("", args);
  }

  /** The CLI run with {@code input} on its stdin. */
  static synchronized CliRun withInput(String input, String... args) throws Exception {
    java.io.InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code;
    try {
      System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      code = TaggerCli.run(args);
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    for (String line : o.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{")) {
        lines.add(m.readTree(line));
      }
    }
    return new CliRun(code, lines, e.toString(StandardCharsets.UTF_8), o.toString(StandardCharsets.UTF_8));
  }

  JsonNode item(String fileName) {
    return lines.stream().filter(n -> n.get("path").asText().endsWith("/" + fileName)).findFirst()
        .orElseThrow(() -> new AssertionError("no JSON line for " + fileName + " in " + lines));
  }

  static List<String> tagNames(JsonNode item) {
    List<String> names = new ArrayList<>();
    item.get("tags").forEach(t -> names.add(t.get("name").asText()));
    return names;
  }
}
