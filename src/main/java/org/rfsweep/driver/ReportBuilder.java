package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.aggregate.Aggregation;
import org.rfsweep.aggregate.DriverFits;
import org.rfsweep.aggregate.History;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.Manifest;
import org.rfsweep.report.ReportWriter;
import org.rfsweep.run.RunContext;
import org.rfsweep.run.SpectrumTables;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.spec.TaskPoint;

/**
 * Aggregates a run's fits into its tables and draws the report; also regenerates both for an
 * existing folder.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  /**
   * What a build wrote: the report's index.html, and the run's history record (null when a report
   * is rebuilt), for the caller to append once the run is complete.
   */
  record Built(
      Path index,
      JsonNode historyRecord,
      Aggregation.JobTables tables,
      double tablesSeconds,
      double reportSeconds) {}

  /**
   * Builds the tables and the report from {@code DIR/fits}, which the caller has verified ({@link
   * FitsIntegrity}) holding the folder's lock.
   *
   * @param runId the run being completed, whose history record the report compares with the last
   *     one; null to rebuild the report of the history as it stands
   */
  static Built build(Supplier<SparkSession> spark, RunContext context, Path out, String runId) {
    long start = System.nanoTime();
    Aggregation.JobTables tables = Aggregation.run(spark, context, out);
    return build(context, out, runId, tables, (System.nanoTime() - start) * 1e-9);
  }

  private static Built build(
      RunContext context,
      Path out,
      String runId,
      Aggregation.JobTables tables,
      double tablesSeconds) {
    long start = System.nanoTime();
    JsonNode record =
        runId == null
            ? null
            : History.record(runId, context.specHash(), context.codeVersion(), tables);
    History.View history = record == null ? History.view(out) : History.viewWith(out, record);
    Path index = ReportWriter.write(out, context, tables, history);
    return new Built(index, record, tables, tablesSeconds, (System.nanoTime() - start) * 1e-9);
  }

  /**
   * {@code rfsweep report DIR}: takes the folder's lock (a run writing there refuses it), checks
   * that fits holds each (cell, ridge) once (repairing identical duplicates, with a line saying
   * so), then rebuilds the tables and the report. A small, clean folder needs no Spark: {@code
   * spark} is asked for only to repair, quarantine or aggregate a large table.
   *
   * @return the report's index.html
   */
  public static Path rebuild(
      Supplier<SparkSession> spark, RunContext context, Path out, Consumer<String> report) {
    try (OutputLock lock = OutputLock.acquire(out, report)) {
      // One read on the driver both checks a small folder and feeds its tables.
      Optional<DriverFits> small = DriverFits.read(context, GridPlan.of(context.spec()), out);
      if (small.isEmpty()) {
        FitsIntegrity.verify(spark.get(), out, report);
      }
      long start = System.nanoTime();
      Aggregation.JobTables tables = Aggregation.run(spark, context, out, small);
      return build(context, out, null, tables, (System.nanoTime() - start) * 1e-9).index();
    }
  }

  /**
   * The context of a finished run, from its folder: the spec and code version its manifest
   * recorded, and the pool spectrum it measured, if any.
   */
  public static RunContext contextOf(Path out) {
    try {
      JsonNode manifest = Manifest.read(out);
      if (manifest == null || !manifest.has("spec")) {
        throw new OutputConflictException(
            out + ": no " + Manifest.FILE + " with a spec; not an rfsweep output folder");
      }
      JobSpec spec =
          SpecLoader.parse(manifest.get("spec").toString(), out.resolve(Manifest.FILE).toString());
      RunContext context =
          new RunContext(
              spec,
              SpecFingerprint.hash(spec),
              SpecFingerprint.compatibilityHash(spec),
              manifest.path("code_version").asText("unknown"),
              manifest.path("results_version").asText(OutputFolder.UNVERSIONED),
              manifest.path("blas").path("driver").asText("unknown"),
              Map.of());
      for (TaskPoint point : spec.points()) {
        var known = SpectrumTables.read(out, spec.at(point));
        if (known.isPresent()) {
          context = context.withSpectrum(point, known.get());
        }
      }
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(
          out + ": cannot read " + Manifest.FILE + ": " + e.getMessage(), e);
    }
  }
}
