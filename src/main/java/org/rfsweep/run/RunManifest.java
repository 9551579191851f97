package org.rfsweep.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/manifest.json}: what a run was (resolved spec, versions, settings, BLAS) and how it
 * ended. Written when a run starts, and again as it finishes or fails; each step returns a new
 * manifest.
 *
 * @param provenance what the run is, fixed at its start
 * @param status {@code running}, {@code complete} or {@code failed}
 * @param timings seconds of the run's phases, filled as they end
 * @param counts how the fits ended (null until complete)
 * @param error why the run failed (null unless failed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
    @JsonUnwrapped Provenance provenance,
    String status,
    Blas blas,
    @JsonUnwrapped Timings timings,
    String finishedAt,
    Counts counts,
    String error) {
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  public static final String FAILED = "failed";
  public static final String INTERRUPTED = "interrupted";

  /** What the run is. */
  public record Provenance(
      String runId,
      String jobName,
      String specHash,
      String compatibilityHash,
      String codeVersion,
      String resultsVersion,
      Map<String, Object> spec,
      List<String> overrides,
      Grid grid,
      Versions versions,
      Spark spark,
      String startedAt) {}

  /** The grid's size. */
  public record Grid(
      int taskPoints, int cells, int seeds, int ridges, long fits, long rows, int units) {}

  /**
   * The software that ran.
   *
   * @param jit how the JVM compiled: {@code C1 alone} (the launcher's first step, for a small
   *     sweep) or {@code tiered} (C1 and C2); a run's times depend on it
   */
  public record Versions(String java, String jit, String spark, String scala) {}

  /**
   * The Spark settings the run saw.
   *
   * @param appId the Spark application, null when the units ran on the driver's threads
   * @param defaultParallelism the task slots the units were spread over
   * @param engine where the units ran: {@code spark} (as Spark tasks) or {@code driver threads}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spark(
      String master,
      String appId,
      int defaultParallelism,
      int taskCpus,
      String executorMemory,
      String engine) {}

  /** The BLAS/LAPACK backends of the driver and, once known, of the executors. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Blas(String driver, List<String> executors) {}

  /**
   * Seconds per phase; null until the phase has run.
   *
   * @param sparkReadySeconds from the JVM's start to the Spark session up (the run's own clock
   *     starts there)
   * @param aggregateSeconds tables and report together ({@code tablesSeconds + reportSeconds})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Timings(
      Double sparkReadySeconds,
      Double spectrumSeconds,
      Double fitsSeconds,
      Integer unitsRun,
      Double tablesSeconds,
      Double reportSeconds,
      Double aggregateSeconds,
      Double wallSeconds) {
    static final Timings NONE = new Timings(null, null, null, null, null, null, null, null);

    Timings withSparkReady(double seconds) {
      return new Timings(
          seconds,
          spectrumSeconds,
          fitsSeconds,
          unitsRun,
          tablesSeconds,
          reportSeconds,
          aggregateSeconds,
          wallSeconds);
    }

    Timings withSpectrum(double seconds) {
      return new Timings(
          sparkReadySeconds,
          seconds,
          fitsSeconds,
          unitsRun,
          tablesSeconds,
          reportSeconds,
          aggregateSeconds,
          wallSeconds);
    }

    Timings withFits(double seconds, int units) {
      return new Timings(
          sparkReadySeconds,
          spectrumSeconds,
          seconds,
          units,
          tablesSeconds,
          reportSeconds,
          aggregateSeconds,
          wallSeconds);
    }

    Timings withTablesAndReport(double tables, double report) {
      return new Timings(
          sparkReadySeconds,
          spectrumSeconds,
          fitsSeconds,
          unitsRun,
          tables,
          report,
          tables + report,
          wallSeconds);
    }

    Timings withWall(double seconds) {
      return new Timings(
          sparkReadySeconds,
          spectrumSeconds,
          fitsSeconds,
          unitsRun,
          tablesSeconds,
          reportSeconds,
          aggregateSeconds,
          seconds);
    }
  }

  public record Counts(long fitsDone, long fitsFailed, long rows) {}

  /** The manifest of a run that has just started. */
  public static RunManifest started(Provenance provenance, String driverBlas) {
    return new RunManifest(
        provenance, RUNNING, new Blas(driverBlas, null), Timings.NONE, null, null, null);
  }

  public RunManifest withSparkReadySeconds(double seconds) {
    return withTimings(timings.withSparkReady(seconds));
  }

  public RunManifest withSpectrumSeconds(double seconds) {
    return withTimings(timings.withSpectrum(seconds));
  }

  public RunManifest withFits(double seconds, int unitsRun) {
    return withTimings(timings.withFits(seconds, unitsRun));
  }

  public RunManifest withTablesAndReport(double tablesSeconds, double reportSeconds) {
    return withTimings(timings.withTablesAndReport(tablesSeconds, reportSeconds));
  }

  public RunManifest complete(
      String finishedAt, double wallSeconds, Counts counts, List<String> executorBlas) {
    Timings done = timings.withWall(wallSeconds);
    return new RunManifest(
        provenance,
        COMPLETE,
        new Blas(blas.driver(), List.copyOf(executorBlas)),
        done,
        finishedAt,
        counts,
        null);
  }

  /** A run stopped by a signal (SIGTERM, SIGINT): its committed chunks stay for a re-run. */
  public RunManifest interrupted(String finishedAt) {
    return new RunManifest(
        provenance, INTERRUPTED, blas, timings, finishedAt, counts, "stopped by a signal");
  }

  public RunManifest failed(String finishedAt, String why) {
    return new RunManifest(provenance, FAILED, blas, timings, finishedAt, counts, why);
  }

  private RunManifest withTimings(Timings next) {
    return new RunManifest(provenance, status, blas, next, finishedAt, counts, error);
  }
}
