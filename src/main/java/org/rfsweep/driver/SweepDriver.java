package org.rfsweep.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.BuildInfo;
import org.rfsweep.linalg.BlasBackend;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.TaskPoint;

/**
 * Runs a sweep on a Spark session: work units spread over the executors, rows appended to {@code
 * DIR/fits} in Parquet, then the tables and the report, with {@code DIR/manifest.json} written
 * before and after.
 */
public final class SweepDriver {

  /**
   * @param out output folder
   * @param partitions Spark tasks for the units (each a balanced bin of units); 0 chooses one per
   *     unit up to two per task slot
   * @param allowJavaBlas run even if a Java BLAS loaded instead of a native one
   * @param chunkUnits work units per committed chunk; 0 chooses (one chunk for a sweep of a few
   *     minutes, else about ten chunks of at least two units per task slot)
   * @param supersede move rows of another results version to {@code DIR/superseded/<version>/} and
   *     recompute (else such a folder is refused)
   * @param overrides the command line's spec overrides as given ({@code task.alpha=1.3}), recorded
   *     in the manifest
   * @param fits where the fits table lives when not in {@code DIR/fits} (a URI every executor
   *     reaches, e.g. {@code hdfs:///sweeps/nightly/fits}), or null for the folder's own or the one
   *     its first run recorded
   */
  public record Options(
      Path out,
      int partitions,
      boolean allowJavaBlas,
      int chunkUnits,
      boolean supersede,
      List<String> overrides,
      String fits) {
    public Options {
      overrides = List.copyOf(overrides);
      if (out == null) {
        throw new IllegalArgumentException("--out: an output folder is needed");
      }
      if (partitions < 0) {
        throw new IllegalArgumentException("--partitions: must be >= 0, found " + partitions);
      }
      if (chunkUnits < 0) {
        throw new IllegalArgumentException("--chunk-units: must be >= 0, found " + chunkUnits);
      }
    }

    /** The fits in the folder's own or recorded location. */
    public Options(
        Path out,
        int partitions,
        boolean allowJavaBlas,
        int chunkUnits,
        boolean supersede,
        List<String> overrides) {
      this(out, partitions, allowJavaBlas, chunkUnits, supersede, overrides, null);
    }

    /** Without overrides. */
    public Options(
        Path out, int partitions, boolean allowJavaBlas, int chunkUnits, boolean supersede) {
      this(out, partitions, allowJavaBlas, chunkUnits, supersede, List.of());
    }

    /** Automatic chunking. */
    public Options(Path out, int partitions, boolean allowJavaBlas) {
      this(out, partitions, allowJavaBlas, 0, false);
    }
  }

  /** Counts of how a run ended. */
  public record Outcome(
      long fitsOk, long fitsFailed, long rows, List<String> blasBackends, double seconds) {}

  private SweepDriver() {}

  /**
   * Checks the driver's BLAS, the output folder and a dataset's files, with no Spark work; call
   * before starting a session so a bad run stops before anything is started or written.
   *
   * @return the run's context
   */
  public static RunContext preflight(
      JobSpec spec, Options options, int taskCpus, ExecutorBudget budget) {
    // What plan refuses, run refuses: the units cut for the slots as the run will cut them.
    Capacity.check(spec, GridPlan.of(spec).cutFor(budget.slots()), budget);
    BlasBackend backend = NativeLinalg.initialise(taskCpus);
    if (!backend.isNative() && !options.allowJavaBlas()) {
      throw new IllegalStateException(
          "native BLAS/LAPACK did not load ("
              + backend.label()
              + "): every fit "
              + "would be 10-40x slower. Check the bundled OpenBLAS (java.io.tmpdir must allow exec) or set "
              + "RFSWEEP_BLAS=system with libopenblas0-pthread installed; --allow-java-blas runs anyway");
    }
    RunContext context = RunContext.of(spec, BuildInfo.codeVersion(), backend.label());
    OutputFolder.check(options.out(), context, options.supersede());
    OutputFolder.checkFitsLocation(options.out(), options.fits());
    OutputLock.refuseIfHeld(options.out()); // taken for real once the session is up
    for (TaskPoint point : spec.points()) {
      if (point.task() instanceof DatasetTaskSpec dataset) {
        // Reads and checks the files (once per pool): a bad dataset stops the run here.
        DatasetPool.of(dataset, spec.seed());
      }
    }
    return context;
  }

  /**
   * Checks, then runs the sweep (see {@link #run(SparkSession, RunContext, Options, Consumer)}).
   */
  public static Outcome run(
      SparkSession spark, JobSpec spec, Options options, Consumer<String> report) {
    ExecutorBudget budget =
        spark.sparkContext().isLocal()
            ? ExecutorBudget.thisJvm()
            : ExecutorBudget.of(spark.sparkContext().getConf(), "the session's Spark settings");
    return run(spark, preflight(spec, options, taskCpus(spark), budget), options, report);
  }

  /**
   * Runs the sweep of a context that passed {@link #preflight} as Spark tasks, holding the output
   * folder's lock.
   */
  public static Outcome run(
      SparkSession spark, RunContext context, Options options, Consumer<String> report) {
    return run(FitEngine.spark(spark), context, options, report);
  }

  /**
   * Runs the sweep of a context that passed {@link #preflight} on {@code engine}, holding the
   * output folder's lock.
   */
  public static Outcome run(
      FitEngine engine, RunContext context, Options options, Consumer<String> report) {
    // one BLAS thread per task slot's core (a no-op if already so)
    NativeLinalg.initialise(engine.taskCpus());
    try (OutputLock lock = OutputLock.acquire(options.out(), report)) {
      return new SweepRun(engine, context.spec(), options, report).execute(context);
    }
  }

  private static int taskCpus(SparkSession spark) {
    return spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
  }
}
