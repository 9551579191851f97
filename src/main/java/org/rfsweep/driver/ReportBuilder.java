package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    Aggregation.JobTables tables = Aggregation.compute(spark, context, out);
    return build(context, out, runId, tables, (System.nanoTime() - start) * 1e-9);
  }

  /**
   * Writes the tables on a thread of their own while the report is drawn (the command's main thread
   * is its critical path, and the figures leave the other core idle at times), and returns once
   * both are done, neither left half-written: a failure of either is thrown after both end.
   */
  private static Built build(
      RunContext context,
      Path out,
      String runId,
      Aggregation.JobTables tables,
      double tablesSeconds) {
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            work -> {
              Thread thread = new Thread(work, "rfsweep-tables");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<?> written = writer.submit(() -> Aggregation.write(out, context.label(), tables));
      Built built = draw(context, out, runId, tables, tablesSeconds);
      await(written);
      return built;
    } finally {
      writer.shutdown();
      awaitEnd(writer);
    }
  }

  private static void await(Future<?> written) {
    try {
      written.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the tables were written", e);
    }
  }

  /** Waits for a started write to end, so a failed report never returns beside a partial table. */
  private static void awaitEnd(ExecutorService writer) {
    boolean interrupted = false;
    while (true) {
      try {
        if (writer.awaitTermination(1, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Built draw(
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
      Aggregation.JobTables tables = Aggregation.compute(spark, context, out, small);
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
