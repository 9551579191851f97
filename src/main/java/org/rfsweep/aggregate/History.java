package org.rfsweep.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.rfsweep.spec.Sweep;

/**
 * {@code DIR/history.jsonl}: one line per completed run (when, spec, code version, exponents with
 * intervals, claim verdicts), so a nightly sweep can say what changed against the night before:
 * exponents that moved beyond their intervals, claims that flipped.
 */
public final class History {
  public static final String FILE = "history.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private History() {}

  /** The changes a report shows, and how many runs the history holds with the one reported. */
  public record View(List<String> changes, int runs) {}

  /** A completed run's record: its id, spec, code, exponents with intervals and claim verdicts. */
  public static ObjectNode record(
      String runId, String specHash, String codeVersion, Aggregation.JobTables job) {
    ObjectNode record = JSON.createObjectNode();
    record.put("run_id", runId);
    record.put("finished_at", Instant.now().toString());
    record.put("spec_hash", specHash);
    record.put("code_version", codeVersion);
    ArrayNode exponents = record.putArray("exponents");
    ObjectNode claims = record.putObject("claims");
    for (Aggregation.PointTables point : job.points()) {
      // A job of one point keeps the names it always had; with task axes each name says its point.
      String prefix = job.points().size() == 1 ? "" : point.columns().taskKey() + " ";
      addTables(exponents, claims, prefix, point.tables());
    }
    job.jobClaims().forEach(c -> claims.put(c.claim(), c.verdict()));
    return record;
  }

  private static void addTables(
      ArrayNode exponents, ObjectNode claims, String prefix, Aggregation.Tables tables) {
    for (ExponentRow e : tables.exponents()) {
      ObjectNode row = exponents.addObject();
      row.put("fit", prefix + fitName(e));
      row.put("exponent", finite(e.exponent()));
      row.put("low", finite(e.exponentLow()));
      row.put("high", finite(e.exponentHigh()));
      row.put("exponent2", finite(e.exponent2()));
      row.put("low2", finite(e.exponent2Low()));
      row.put("high2", finite(e.exponent2High()));
    }
    tables.claims().forEach(c -> claims.put(prefix + c.claim(), c.verdict()));
  }

  /**
   * Appends a completed run's record once: a record whose run id is already there is not written
   * again (a run whose manifest could not be completed may reach this step twice).
   */
  public static void append(Path out, JsonNode record) {
    String runId = record.path("run_id").asText();
    if (read(out).stream().anyMatch(r -> r.path("run_id").asText().equals(runId))) {
      return;
    }
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

  /** The view of a run not yet appended: its record against the last one on disk. */
  public static View viewWith(Path out, JsonNode current) {
    List<JsonNode> records = read(out);
    List<String> changes =
        records.isEmpty() ? List.of() : changes(records.get(records.size() - 1), current);
    return new View(changes, records.size() + 1);
  }

  /** The view of the history as it stands: its last record against the one before. */
  public static View view(Path out) {
    return new View(changes(out), runs(out));
  }

  /**
   * What changed between the last two records: an exponent whose new value lies outside the
   * previous interval (or the previous value outside the new one), a claim whose verdict changed.
   * Empty when there is no earlier run.
   */
  public static List<String> changes(Path out) {
    List<JsonNode> records = read(out);
    if (records.size() < 2) {
      return new ArrayList<>();
    }
    return changes(records.get(records.size() - 2), records.get(records.size() - 1));
  }

  /** What changed from record {@code before} to record {@code now} (see {@link #changes(Path)}). */
  static List<String> changes(JsonNode before, JsonNode now) {
    List<String> changes = new ArrayList<>();
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
        + (e.fixedAxis().isEmpty()
            ? ""
            : "/" + e.fixedAxis() + "=" + Sweep.widthText(e.fixedValue()));
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
