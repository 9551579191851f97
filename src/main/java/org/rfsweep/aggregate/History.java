package org.rfsweep.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code DIR/history.jsonl}: one line per completed run (when, spec, code version, exponents with
 * intervals, claim verdicts), so a nightly sweep can say what changed against the night before:
 * exponents that moved beyond their intervals, claims that flipped.
 */
public final class History {
  public static final String FILE = "history.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private History() {}

  /** Appends this run's record. */
  public static void append(
      Path out, String specHash, String codeVersion, Aggregation.Tables tables) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("finished_at", Instant.now().toString());
    record.put("spec_hash", specHash);
    record.put("code_version", codeVersion);
    List<Map<String, Object>> exponents = new ArrayList<>();
    for (ExponentRow e : tables.exponents()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("fit", fitName(e));
      row.put("exponent", finite(e.exponent()));
      row.put("low", finite(e.exponentLow()));
      row.put("high", finite(e.exponentHigh()));
      row.put("exponent2", finite(e.exponent2()));
      row.put("low2", finite(e.exponent2Low()));
      row.put("high2", finite(e.exponent2High()));
      exponents.add(row);
    }
    record.put("exponents", exponents);
    Map<String, String> claims = new LinkedHashMap<>();
    tables.claims().forEach(c -> claims.put(c.claim(), c.verdict()));
    record.put("claims", claims);
    try {
      Files.writeString(
          out.resolve(FILE),
          JSON.writeValueAsString(record) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot append to " + out.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /**
   * What changed between the last two records: an exponent whose new value lies outside the
   * previous interval (or the previous value outside the new one), a claim whose verdict changed.
   * Empty when there is no earlier run.
   */
  public static List<String> changes(Path out) {
    List<JsonNode> records = read(out);
    List<String> changes = new ArrayList<>();
    if (records.size() < 2) {
      return changes;
    }
    JsonNode before = records.get(records.size() - 2);
    JsonNode now = records.get(records.size() - 1);
    Map<String, JsonNode> previous = new LinkedHashMap<>();
    before.path("exponents").forEach(e -> previous.put(e.path("fit").asText(), e));
    for (JsonNode e : now.path("exponents")) {
      JsonNode old = previous.get(e.path("fit").asText());
      if (old == null) {
        continue;
      }
      moved(
          changes,
          e.path("fit").asText(),
          "exponent",
          old.path("exponent"),
          old.path("low"),
          old.path("high"),
          e.path("exponent"),
          e.path("low"),
          e.path("high"));
      moved(
          changes,
          e.path("fit").asText(),
          "samples exponent",
          old.path("exponent2"),
          old.path("low2"),
          old.path("high2"),
          e.path("exponent2"),
          e.path("low2"),
          e.path("high2"));
    }
    now.path("claims")
        .fields()
        .forEachRemaining(
            entry -> {
              String was = before.path("claims").path(entry.getKey()).asText("");
              if (!was.isEmpty() && !was.equals(entry.getValue().asText())) {
                changes.add(
                    "claim "
                        + entry.getKey()
                        + " flipped: "
                        + was
                        + " -> "
                        + entry.getValue().asText());
              }
            });
    return changes;
  }

  /** The number of runs recorded. */
  public static int runs(Path out) {
    return read(out).size();
  }

  private static void moved(
      List<String> changes,
      String fit,
      String what,
      JsonNode oldValue,
      JsonNode oldLow,
      JsonNode oldHigh,
      JsonNode newValue,
      JsonNode newLow,
      JsonNode newHigh) {
    if (!oldValue.isNumber() || !newValue.isNumber() || !oldLow.isNumber() || !newLow.isNumber()) {
      return;
    }
    double value = newValue.asDouble();
    double previous = oldValue.asDouble();
    boolean outside =
        value < oldLow.asDouble()
            || value > oldHigh.asDouble()
            || previous < newLow.asDouble()
            || previous > newHigh.asDouble();
    if (outside) {
      changes.add(
          String.format(
              Locale.ROOT,
              "%s %s moved beyond its interval: %.4f [%.4f, %.4f] -> %.4f [%.4f, %.4f]",
              fit,
              what,
              previous,
              oldLow.asDouble(),
              oldHigh.asDouble(),
              value,
              newLow.asDouble(),
              newHigh.asDouble()));
    }
  }

  private static List<JsonNode> read(Path out) {
    Path file = out.resolve(FILE);
    List<JsonNode> records = new ArrayList<>();
    if (!Files.exists(file)) {
      return records;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          records.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return records;
  }

  private static String fitName(ExponentRow e) {
    return e.sweep()
        + "/"
        + e.model()
        + (e.fixedAxis().isEmpty() ? "" : "/" + e.fixedAxis() + "=" + e.fixedValue());
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
