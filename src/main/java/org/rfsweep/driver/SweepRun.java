package org.rfsweep.driver;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.aggregate.DriverFits;
import org.rfsweep.aggregate.History;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.Schedule;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.TableFolder;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.run.CellTheory;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.PoolSpectrum;
import org.rfsweep.run.RunContext;
import org.rfsweep.run.RunManifest;
import org.rfsweep.run.SpectrumCache;
import org.rfsweep.run.SpectrumTables;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.TaskPoint;
import scala.util.Properties;

/**
 * One sweep, holding its folder's lock: the manifest, the pool spectrum, the fits still missing,
 * the tables and the report, and the manifest again. Each step is one method; {@link #execute}
 * reads top to bottom.
 */
final class SweepRun {

  private final FitEngine engine;
  private final SweepDriver.Options options;
  private final Consumer<String> report;
  private final GridPlan plan;
  private final SpectrumCache cache = SpectrumCache.fromEnvironment();
  private final long start = System.nanoTime();

  /**
   * Seconds from the JVM's start to this run's start: the Spark session up, or, when the units run
   * on the driver's threads, the checks done.
   */
  private final double sparkReady =
      java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;

  /** This run's id: in its manifest and its history record. */
  private final String runId = UUID.randomUUID().toString();

  /** The latest manifest written: each step records its part, so a failure leaves what was done. */
  private RunManifest manifest;

  SweepRun(FitEngine engine, JobSpec spec, SweepDriver.Options options, Consumer<String> report) {
    this.engine = engine;
    this.options = options;
    this.report = report;
    this.plan = GridPlan.of(spec).cutFor(engine.slots());
  }

  SweepDriver.Outcome execute(RunContext context) {
    // Checked again holding the lock: the folder may have changed since the preflight.
    OutputFolder.check(options.out(), context, options.supersede())
        .ifPresent(version -> OutputFolder.supersede(options.out(), version, report));
    OutputFolder.checkFitsLocation(options.out(), options.fits());
    record(
        RunManifest.started(provenance(context), context.blasBackend())
            .withSparkReadySeconds(sparkReady));
    if (options.fits() != null && FitsLocation.recorded(options.out()).isEmpty()) {
      FitsLocation.record(options.out(), TableFolder.of(options.fits()).uri());
    }
    // SIGTERM and SIGINT run shutdown hooks, not this method's catch: the hook marks the manifest.
    Thread onSignal = new Thread(this::markInterrupted, "rfsweep-interrupted");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      RunContext run = withPoolSpectrum(context);
      fit(run, remainingWork(run));
      ReportBuilder.Built built = tablesAndReport(run);
      DriverFits.Counts counts = built.tables().counts();
      double seconds = (System.nanoTime() - start) * 1e-9; // spectrum, fits, tables and report
      record(
          manifest.complete(
              Instant.now().toString(),
              seconds,
              new RunManifest.Counts(counts.ok(), counts.failed(), counts.rows()),
              counts.backends()));
      // After the manifest says complete, and once per run id: a run is in the history only when
      // done.
      History.append(options.out(), built.historyRecord());
      return new SweepDriver.Outcome(
          counts.ok(), counts.failed(), counts.rows(), counts.backends(), seconds);
    } catch (RuntimeException e) {
      // Whatever failed (fits, tables or report), the manifest says so; committed chunks stay for a
      // re-run.
      record(manifest.failed(Instant.now().toString(), String.valueOf(e.getMessage())));
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook runs, and finds the run ended
      }
    }
  }

  /** Marks the manifest interrupted if the run is still running (called from a shutdown hook). */
  private synchronized void markInterrupted() {
    if (manifest != null && RunManifest.RUNNING.equals(manifest.status())) {
      try {
        Manifest.write(options.out(), manifest.interrupted(Instant.now().toString()));
      } catch (IOException | RuntimeException e) {
        // nothing more can be done on the way out; the manifest keeps saying "running"
      }
    }
  }

  /**
   * A dataset's theory needs its pool's spectrum: reused from DIR/spectrum or the user's cache
   * ({@link SpectrumCache}), or measured once here for each distinct pool and kernel of the job's
   * task points (points differing only in label noise share one).
   */
  private RunContext withPoolSpectrum(RunContext context) {
    RunContext out = context;
    Map<String, PoolSpectrum> byPool = new HashMap<>();
    double seconds = 0;
    for (TaskPoint point : context.points()) {
      if (!(point.task() instanceof DatasetTaskSpec dataset)) {
        continue;
      }
      JobSpec spec = context.spec().at(point);
      String key = SpecFingerprint.spectrumKey(spec);
      PoolSpectrum measured = byPool.get(key);
      if (measured == null) {
        measured = SpectrumTables.read(options.out(), spec).orElse(null);
      }
      if (measured == null) {
        measured = cachedOrMeasured(spec, dataset, point);
        SpectrumTables.write(options.out(), context.label(), spec, measured);
        if (Double.isFinite(measured.seconds())) {
          seconds += measured.seconds();
        }
      }
      byPool.put(key, measured);
      out = out.withSpectrum(point, measured);
    }
    if (seconds > 0) {
      record(manifest.withSpectrumSeconds(seconds));
    }
    return out;
  }

  /**
   * The pool's spectrum from the user's cache, or measured by the driver alone, before any task
   * runs, on all cores (then back to one BLAS thread per task) and kept in the cache.
   */
  private PoolSpectrum cachedOrMeasured(JobSpec spec, DatasetTaskSpec dataset, TaskPoint point) {
    String blas = PoolSpectrum.measuringBlas();
    DatasetPool pool = DatasetPool.of(dataset, spec.seed());
    String what = dataset.pool() + " points, " + TaskPoint.featureWords(point.features());
    Optional<SpectrumCache.Hit> hit = cache.lookup(spec, pool, blas, report);
    if (hit.isPresent()) {
      report.accept(
          "the pool's kernel spectrum ("
              + what
              + ") from the cache, "
              + SpectrumCache.describe(hit.get().entry())
              + " ("
              + hit.get().entry().folder()
              + "; "
              + SpectrumCache.ENV
              + "=off measures it again)");
      return hit.get().spectrum();
    }
    report.accept("measuring the pool's kernel spectrum (" + what + ") for the theory columns");
    PoolSpectrum measured;
    NativeLinalg.initialise(PoolSpectrum.measuringThreads());
    try {
      measured = PoolSpectrum.measure(spec);
    } finally {
      NativeLinalg.initialise(taskCpus());
    }
    cache
        .store(spec, pool, blas, measured, report)
        .ifPresent(entry -> report.accept("kept the spectrum for later runs in " + entry));
    return measured;
  }

  /** How this JVM compiles, read from the JVM itself (the launcher may have chosen C1 alone). */
  private static String jitMode() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return "1".equals(vm.getVMOption("TieredStopAtLevel").getValue()) ? "C1 alone" : "tiered";
    } catch (RuntimeException notHotSpot) {
      return "unknown";
    }
  }

  /** The units whose cells are not in DIR/fits yet, after discarding what a killed commit left. */
  private List<WorkUnit> remainingWork(RunContext context) {
    FitsFolder.discardUncommitted(FitsLocation.of(options.out()), report);
    // Before the scan: a quarantined part's cells are then missing and computed again, and no
    // duplicate is counted as done twice.
    // A small, clean folder is checked and scanned on the driver; otherwise Spark verifies it
    // (quarantine, repair or refusal) and lists its keys.
    Set<String> done =
        DriverFits.cellKeysIfClean(options.out())
            .orElseGet(
                () -> {
                  FitsIntegrity.verify(engine.spark().get(), options.out(), report);
                  return FitsFolder.doneKeys(engine.spark().get(), options.out());
                });
    List<WorkUnit> units = FitsFolder.remaining(plan, context.stamps(), done);
    long doneCells = plan.fits() - units.stream().mapToLong(u -> u.cells().size()).sum();
    if (doneCells > 0) {
      report.accept(
          "resuming: "
              + doneCells
              + " of "
              + plan.fits()
              + " fits are already in "
              + FitsLocation.of(options.out()));
    }
    return units;
  }

  private void fit(RunContext context, List<WorkUnit> units) {
    long fitsStart = System.nanoTime();
    if (!units.isEmpty()) {
      ArrayList<CellTheory> theory = FitsJob.theory(context, plan);
      int chunk = chunkSize(context.spec(), units);
      if (engine.onDriverThreads()) {
        ThreadFitsJob.run(
            context, theory, units, chunk, engine.slots(), engine.taskCpus(), options, report);
      } else {
        FitsJob.run(engine.spark().get(), context, theory, units, chunk, options, report);
      }
    }
    record(manifest.withFits((System.nanoTime() - fitsStart) * 1e-9, units.size()));
  }

  private ReportBuilder.Built tablesAndReport(RunContext context) {
    report.accept("aggregating curves, optimal ridges, exponents and claims");
    ReportBuilder.Built built = ReportBuilder.build(engine.spark(), context, options.out(), runId);
    record(manifest.withTablesAndReport(built.tablesSeconds(), built.reportSeconds()));
    report.accept("report: " + built.index());
    return built;
  }

  /** Units per committed chunk ({@link Schedule#driverChunkUnits}), unless --chunk-units says. */
  private int chunkSize(JobSpec spec, List<WorkUnit> units) {
    if (options.chunkUnits() > 0) {
      return options.chunkUnits();
    }
    return Schedule.driverChunkUnits(units, engine.slots(), u -> CostModel.of(spec, u).flops());
  }

  private int taskCpus() {
    return engine.taskCpus();
  }

  private RunManifest.Provenance provenance(RunContext context) {
    JobSpec spec = context.spec();
    // On the driver's threads no session is started: nothing of Spark's to record but its version.
    SparkSession spark = engine.onDriverThreads() ? null : engine.spark().get();
    return new RunManifest.Provenance(
        runId,
        spec.name(),
        context.specHash(),
        context.compatibilityHash(),
        context.codeVersion(),
        context.resultsVersion(),
        SpecFingerprint.resolved(spec),
        options.overrides(),
        new RunManifest.Grid(
            spec.points().size(),
            plan.cells().size(),
            spec.grid().seeds(),
            spec.grid().ridges().size(),
            plan.fits(),
            plan.rows(),
            plan.units().size()),
        new RunManifest.Versions(
            System.getProperty("java.version"),
            jitMode(),
            org.apache.spark.package$.MODULE$.SPARK_VERSION(),
            Properties.versionNumberString()),
        new RunManifest.Spark(
            engine.master(),
            spark == null ? null : spark.sparkContext().applicationId(),
            engine.slots(),
            taskCpus(),
            spark == null
                ? "default"
                : spark.sparkContext().getConf().get("spark.executor.memory", "default"),
            engine.label()),
        Instant.now().toString());
  }

  private synchronized void record(RunManifest next) {
    manifest = next;
    try {
      Manifest.write(options.out(), next);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + options.out().resolve(Manifest.FILE) + ": " + e.getMessage(), e);
    }
  }
}
