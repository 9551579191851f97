package org.rfsweep.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.rfsweep.aggregate.Aggregation;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.UnitBins;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.BuildInfo;
import org.rfsweep.io.FitsSchema;
import org.rfsweep.io.Manifest;
import org.rfsweep.linalg.BlasBackend;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.task.SparkUnitTask;
import org.rfsweep.task.SpectrumMeasurement;
import org.rfsweep.task.TheoryColumns;

/**
 * Runs a sweep on a Spark session: one Spark task per work unit (a seed and its cells), results written to
 * {@code DIR/fits} in Parquet with the explicit schema, and {@code DIR/manifest.json} before and after.
 */
public final class SweepDriver {
  /** A sweep is committed in about this many chunks (at least two units per task slot each). */
  static final int CHUNKS = 10;
  /** Sweeps estimated to take less than this on all slots are committed as one chunk. */
  static final double ONE_CHUNK_SECONDS = 120;
  /** A conservative sustained rate per task slot for that estimate (measured: 30-40 GFLOP/s here). */
  static final double SUSTAINED_FLOPS_PER_SLOT = 30e9;

  /**
   * @param out           output folder
   * @param partitions    Spark tasks for the units (each a balanced bin of units); 0 chooses one per unit up to two
   *                      per task slot
   * @param allowJavaBlas run even if a Java BLAS loaded instead of a native one
   * @param chunkUnits    work units per committed chunk; 0 chooses (one chunk for a sweep of a few minutes, else
   *                      about ten chunks of at least two units per task slot)
   */
  public record Options(Path out, int partitions, boolean allowJavaBlas, int chunkUnits) {
    /** Automatic chunking. */
    public Options(Path out, int partitions, boolean allowJavaBlas) {
      this(out, partitions, allowJavaBlas, 0);
    }
  }

  /** Counts of how a run ended. */
  public record Outcome(long tasksOk, long tasksFailed, long rows, List<String> blasBackends, double seconds) {}

  private SweepDriver() {}

  /**
   * Checks the output folder and the driver's BLAS, with no Spark work; call before starting a session so a bad
   * run stops before anything is started or written.
   *
   * @return the driver's BLAS backend
   */
  public static BlasBackend preflight(JobSpec spec, Options options, int taskCpus) {
    OutputFolder.check(options.out(), SpecFingerprint.hash(spec), SpecFingerprint.compatibilityHash(spec));
    if (spec.task() instanceof DatasetTaskSpec dataset) {
      DatasetPool.of(dataset, spec.seed()); // reads and checks the files: a bad dataset stops the run here
    }
    BlasBackend backend = NativeLinalg.initialise(taskCpus);
    if (!backend.isNative() && !options.allowJavaBlas()) {
      throw new IllegalStateException("native BLAS/LAPACK did not load (" + backend.label() + "): every fit "
          + "would be 10-40x slower. Check the bundled OpenBLAS (java.io.tmpdir must allow exec) or set "
          + "RFSWEEP_BLAS=system with libopenblas0-pthread installed; --allow-java-blas runs anyway");
    }
    return backend;
  }

  public static Outcome run(SparkSession spark, JobSpec spec, Options options, Consumer<String> report) {
    int taskCpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
    BlasBackend driverBackend = preflight(spec, options, taskCpus);
    try (OutputLock lock = OutputLock.acquire(options.out())) {
      return runLocked(spark, spec, options, report, driverBackend);
    }
  }

  private static Outcome runLocked(SparkSession spark, JobSpec spec, Options options, Consumer<String> report,
      BlasBackend driverBackend) {
    GridPlan plan = GridPlan.of(spec);
    String specHash = SpecFingerprint.hash(spec);
    String started = Instant.now().toString();
    long start = System.nanoTime();
    Map<String, Object> manifest = manifest(spark, spec, plan, specHash, driverBackend, started);
    manifest.put("status", "running");
    writeManifest(options.out(), manifest);

    try {
      measureSpectrumIfNeeded(spark, spec, options.out(), manifest, report);
      long fitsStart = System.nanoTime();
      FitsSchema.JobColumns job = FitsSchema.JobColumns.of(spec, specHash, BuildInfo.codeVersion());
      discardUncommitted(options.out().resolve(FitsSchema.TABLE), report);
      List<WorkUnit> units = remaining(spark, plan, job, options.out());
      long doneCells = plan.tasks() - units.stream().mapToLong(u -> u.cells().size()).sum();
      if (doneCells > 0) {
        report.accept("resuming: " + doneCells + " of " + plan.tasks() + " tasks are already in "
            + options.out().resolve(FitsSchema.TABLE));
      }
      fitUnits(spark, spec, plan, units, chunkSize(spark, spec, units, options), options, report);
      manifest.put("fits_seconds", (System.nanoTime() - fitsStart) * 1e-9);
      manifest.put("units_run", units.size());

      Dataset<Row> fits = Aggregation.current(spark, spec, plan, options.out());
      Row counts = fits.agg(
          functions.count(functions.lit(1)),
          functions.countDistinct(functions.col("width"), functions.col("samples"), functions.col("seed")),
          functions.countDistinct(functions.when(functions.col("status").equalTo("FAILED"),
              functions.struct(functions.col("width"), functions.col("samples"), functions.col("seed")))))
          .first();
      List<String> backends = fits.select("blas_backend").distinct().as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList();
      report.accept("aggregating curves, optimal ridges, exponents and claims");
      long aggregateStart = System.nanoTime();
      Path index = ReportBuilder.build(spark, spec, options.out(), true);
      manifest.put("aggregate_seconds", (System.nanoTime() - aggregateStart) * 1e-9);
      report.accept("report: " + index);

      double seconds = (System.nanoTime() - start) * 1e-9; // spectrum, fits, tables and report
      long failed = counts.getLong(2);
      Outcome outcome = new Outcome(counts.getLong(1) - failed, failed, counts.getLong(0), backends, seconds);
      manifest.put("status", "complete");
      manifest.put("finished_at", Instant.now().toString());
      manifest.put("wall_seconds", seconds);
      manifest.put("counts", Map.of("tasks_done", outcome.tasksOk(), "tasks_failed", outcome.tasksFailed(),
          "rows", outcome.rows()));
      manifest.put("blas", Map.of("driver", driverBackend.label(), "executors", backends));
      writeManifest(options.out(), manifest);
      return outcome;
    } catch (RuntimeException e) {
      // Whatever failed (fits, tables or report), the manifest says so; committed chunks stay for a re-run.
      manifest.put("status", "failed");
      manifest.put("error", String.valueOf(e.getMessage()));
      manifest.put("finished_at", Instant.now().toString());
      writeManifest(options.out(), manifest);
      throw e;
    }
  }

  /** A dataset's theory needs its pool's spectrum: measured once here, or reused from DIR/spectrum. */
  private static void measureSpectrumIfNeeded(SparkSession spark, JobSpec spec, Path out,
      Map<String, Object> manifest, Consumer<String> report) {
    if (!(spec.task() instanceof DatasetTaskSpec dataset) || SpectrumMeasurement.read(out, spec).isPresent()) {
      return;
    }
    report.accept("measuring the pool's kernel spectrum (" + dataset.pool() + " points) for the theory columns");
    // The driver measures alone, before any task runs: all cores, then back to one BLAS thread per task.
    NativeLinalg.initialise(Runtime.getRuntime().availableProcessors());
    SpectrumMeasurement.Result measured;
    try {
      measured = SpectrumMeasurement.measure(spec);
    } finally {
      NativeLinalg.initialise(spark.sparkContext().getConf().getInt("spark.task.cpus", 1));
    }
    SpectrumMeasurement.write(out, spec, measured);
    manifest.put("spectrum_seconds", measured.seconds());
  }

  /**
   * Units per committed chunk: an interruption loses at most the chunk in flight. A sweep of a few minutes is one
   * chunk (each extra Spark job costs a fraction of a second, and losing it all costs little); longer ones about
   * ten chunks of at least two units per slot.
   */
  private static int chunkSize(SparkSession spark, JobSpec spec, List<WorkUnit> units, Options options) {
    if (options.chunkUnits() > 0) {
      return options.chunkUnits();
    }
    int slots = spark.sparkContext().defaultParallelism();
    double flops = units.stream().mapToDouble(u -> CostModel.of(spec, u).flops()).sum();
    if (flops / (slots * SUSTAINED_FLOPS_PER_SLOT) < ONE_CHUNK_SECONDS) {
      return Math.max(1, units.size());
    }
    return Math.max(2 * slots, (units.size() + CHUNKS - 1) / CHUNKS);
  }


  /**
   * The sweep's Spark job: one task per work unit, rows (with the broadcast theory columns) written to
   * {@code DIR/fits}.
   *
   * @return wall seconds of the Spark job alone (the theory columns are computed before it starts)
   */
  public static double writeFits(SparkSession spark, JobSpec spec, GridPlan plan, Options options,
      Consumer<String> report) {
    return fitUnits(spark, spec, plan, plan.units(), plan.units().size(), options, report);
  }

  /**
   * Fits the units in chunks of {@code chunk}, each committed on its own, with one theory broadcast and progress.
   *
   * @return wall seconds of the Spark jobs alone (the theory columns are computed before them)
   */
  private static double fitUnits(SparkSession spark, JobSpec spec, GridPlan plan, List<WorkUnit> units, int chunk,
      Options options, Consumer<String> report) {
    if (units.isEmpty()) {
      return 0;
    }
    FitsSchema.JobColumns job = FitsSchema.JobColumns.of(spec, SpecFingerprint.hash(spec), BuildInfo.codeVersion());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Theory depends on the cell and ridge, not the seed: computed once here, broadcast to the row writers.
    Broadcast<TheoryColumns> theory = context.broadcast(TheoryColumns.of(spec, plan.cells()).orElse(null));
    ProgressListener progress = new ProgressListener(spec, units, report, options.out());
    spark.sparkContext().addSparkListener(progress);
    long start = System.nanoTime();
    try {
      for (int from = 0; from < units.size(); from += chunk) {
        List<WorkUnit> part = units.subList(from, Math.min(units.size(), from + chunk));
        List<List<WorkUnit>> bins = UnitBins.pack(part, tasks(spark, part.size(), options),
            u -> CostModel.of(spec, u).flops());
        progress.queue(bins);
        appendFits(spark, spec, job, theory, bins, options);
      }
      progress.complete();
      return (System.nanoTime() - start) * 1e-9;
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      theory.destroy();
    }
  }

  /**
   * Fits the units and appends their rows to {@code DIR/fits} as one Spark job. Each task's file (whole units)
   * appears by one rename when the job commits: a run killed before the commit leaves no rows of the job, one
   * killed during it leaves some tasks' whole units (the next run discards the rest, see discardUncommitted), and
   * one killed after it keeps them all.
   */
  private static void appendFits(SparkSession spark, JobSpec spec, FitsSchema.JobColumns job,
      Broadcast<TheoryColumns> theory, List<List<WorkUnit>> bins, Options options) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int units = bins.stream().mapToInt(List::size).sum();
    JavaRDD<Row> rows = context.parallelize(bins, bins.size())
        .flatMap(new SparkUnitTask(spec, options.allowJavaBlas()))
        .map(fit -> FitsSchema.toRow(job, fit,
            theory.value() == null ? null : theory.value().lookup(fit.width(), fit.samples(), fit.ridge())));
    context.setJobGroup(ProgressListener.JOB_GROUP, "sweep " + spec.name() + ": " + units + " units in "
        + bins.size() + " tasks", false);
    spark.createDataFrame(rows, FitsSchema.SCHEMA).write().mode(SaveMode.Append)
        .parquet(options.out().resolve(FitsSchema.TABLE).toString());
  }

  /**
   * Deletes what a killed run left in {@code fits/_temporary}. Spark's committer moves every task output found
   * there into the table when a job commits, so leftovers of a run killed during its commit would be appended a
   * second time by the next job, beside the same units recomputed. Holding the output lock, nothing else writes
   * here: anything in _temporary belongs to a dead run.
   */
  static void discardUncommitted(Path table, Consumer<String> report) {
    Path temporary = table.resolve("_temporary");
    if (!Files.exists(temporary)) {
      return;
    }
    try (var paths = Files.walk(temporary)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : all) {
        Files.delete(path);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot remove the interrupted run's " + temporary, e);
    }
    report.accept("discarded the uncommitted output of an interrupted run (" + temporary + ")");
  }

  /**
   * Tasks for {@code units} units: as asked, else one per unit up to two per task slot. Two per slot, packed by
   * cost, keep the slots balanced while a task's fixed cost is paid once per several units (quickstart on 2 slots,
   * paired runs: 4.6-5.5 s wall with 4 tasks, 5.3-7.2 s with 8, 7.0-8.9 s with 16).
   */
  private static int tasks(SparkSession spark, int units, Options options) {
    if (options.partitions() > 0) {
      return Math.min(options.partitions(), units);
    }
    return Math.min(units, 2 * Math.max(1, spark.sparkContext().defaultParallelism()));
  }

  /**
   * The work still to do: for each seed, the cells whose content key has no rows in {@code DIR/fits} yet, largest
   * units first. Cells of an earlier, compatible spec are reused; a resumed run only adds what is missing.
   */
  static List<WorkUnit> remaining(SparkSession spark, GridPlan plan, FitsSchema.JobColumns job, Path out) {
    Set<String> done = new HashSet<>();
    Path fits = out.resolve(FitsSchema.TABLE);
    if (Files.isDirectory(fits) && ParquetTable.tablesIn(out).contains(FitsSchema.TABLE)) {
      done.addAll(spark.read().schema(FitsSchema.SCHEMA).parquet(fits.toString()).select("cell_key").distinct()
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }
    List<WorkUnit> units = new ArrayList<>();
    for (WorkUnit unit : plan.units()) {
      List<Cell> missing = unit.cells().stream()
          .filter(c -> !done.contains(job.cellKey(c.width(), c.samples(), unit.seedIndex()))).toList();
      if (!missing.isEmpty()) {
        units.add(new WorkUnit(unit.seedIndex(), missing));
      }
    }
    // Largest units first, so a big one does not run last and alone (results do not depend on the order).
    units.sort(Comparator.comparingDouble((WorkUnit u) -> -CostModel.of(plan.spec(), u).flops()));
    return units;
  }

  private static Map<String, Object> manifest(SparkSession spark, JobSpec spec, GridPlan plan, String specHash,
      BlasBackend driverBackend, String started) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("job_name", spec.name());
    manifest.put("spec_hash", specHash);
    manifest.put("compatibility_hash", SpecFingerprint.compatibilityHash(spec));
    manifest.put("code_version", BuildInfo.codeVersion());
    manifest.put("spec", SpecFingerprint.resolved(spec));
    manifest.put("grid", Map.of("cells", plan.cells().size(), "seeds", spec.grid().seeds(),
        "ridges", spec.grid().ridges().size(), "tasks", plan.tasks(), "fits", plan.fits(),
        "work_units", plan.units().size()));
    manifest.put("versions", Map.of("java", System.getProperty("java.version"), "spark", spark.version(),
        "scala", scala.util.Properties.versionNumberString()));
    var conf = spark.sparkContext().getConf();
    Map<String, Object> sparkSettings = new LinkedHashMap<>();
    sparkSettings.put("master", spark.sparkContext().master());
    sparkSettings.put("app_id", spark.sparkContext().applicationId());
    sparkSettings.put("default_parallelism", spark.sparkContext().defaultParallelism());
    sparkSettings.put("task_cpus", conf.getInt("spark.task.cpus", 1));
    sparkSettings.put("executor_memory", conf.get("spark.executor.memory", "default"));
    manifest.put("spark", sparkSettings);
    manifest.put("blas", Map.of("driver", driverBackend.label()));
    manifest.put("started_at", started);
    return manifest;
  }

  private static void writeManifest(Path out, Map<String, Object> manifest) {
    try {
      Manifest.write(out, manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out.resolve(Manifest.FILE) + ": " + e.getMessage(), e);
    }
  }
}
