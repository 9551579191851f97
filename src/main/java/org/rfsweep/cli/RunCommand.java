package org.rfsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.rfsweep.driver.ExecutorBudget;
import org.rfsweep.driver.FitEngine;
import org.rfsweep.driver.LazySession;
import org.rfsweep.driver.OutputConflictException;
import org.rfsweep.driver.SparkSessions;
import org.rfsweep.driver.SweepDriver;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs a sweep and writes its tables. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the sweep SPEC (on Spark, or on this JVM's threads with a local master) and write"
            + " DIR/fits (Parquet), the tables, the report and DIR/manifest.json. A dataset task's pool"
            + " spectrum (for the theory columns) comes from DIR/spectrum or the user's cache"
            + " (RFSWEEP_CACHE, else ~/.cache/rfsweep; off turns it off), or is measured first and kept"
            + " there.")
final class RunCommand implements Callable<Integer> {
  @Mixin SpecArguments arguments;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: out/<job name>)")
  Path out;

  @Option(
      names = "--fits",
      paramLabel = "URI",
      description =
          "where the fits table lives when the executors do not share DIR's disk (on YARN or Kubernetes),"
              + " e.g. hdfs:///sweeps/nightly/fits; DIR records it for later runs, report and show"
              + " (default: DIR/fits)")
  String fits;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*])")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Spark tasks for the work units, each a balanced bin of units (default: one per unit, up to "
              + "two per task slot)")
  int partitions;

  @Option(
      names = "--chunk-units",
      paramLabel = "U",
      defaultValue = "0",
      description =
          "work units per atomically committed chunk (default: one chunk for a sweep of a few minutes, "
              + "else about ten)")
  int chunkUnits;

  @Option(
      names = "--engine",
      paramLabel = "E",
      defaultValue = "auto",
      description =
          "where the fits run: spark (as Spark tasks), threads (on this JVM's own threads, local"
              + " masters only, no Spark session started) or auto (threads with a local master"
              + " and no --ui, else spark; default: ${DEFAULT-VALUE})")
  String engine;

  @Option(
      names = "--ui",
      description = "start Spark's web UI (off by default: it has no authentication)")
  boolean ui;

  @Option(
      names = "--supersede",
      description =
          "if DIR holds rows of another results version, move them to DIR/superseded/<version>/ and "
              + "recompute (default: refuse)")
  boolean supersede;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "a Spark setting, repeatable, as spark-submit takes it (e.g. --conf spark.task.cpus=2); "
              + "wins over --properties-file and over the settings rfsweep chooses")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--properties-file",
      paramLabel = "FILE",
      description =
          "Spark settings from a properties file, as spark-submit takes it "
              + "(e.g. cluster-configs/local.properties)")
  Path propertiesFile;

  @Option(
      names = "--driver-memory",
      paramLabel = "SIZE",
      description =
          "the driver's memory, e.g. 16g: ./rfsweep gives its JVM this heap (in local mode the tasks "
              + "run there too); also spark.driver.memory")
  String driverMemory;

  @Option(
      names = "--allow-java-blas",
      description = "run even if native BLAS/LAPACK did not load (10-40x slower)")
  boolean allowJavaBlas;

  @Override
  public Integer call() {
    NativeLinalg.loadInBackground(); // while the spec is read and planned
    JobSpec job = arguments.load();
    GridPlan plan = GridPlan.of(job);
    Path folder = out != null ? out : Path.of("out", job.name());
    SweepDriver.Options options =
        new SweepDriver.Options(
            folder, partitions, allowJavaBlas, chunkUnits, supersede, arguments.overrides, fits);
    Map<String, String> sparkSettings = sparkSettings();
    String resolvedMaster = SparkSessions.master(master, sparkSettings);
    requireSharedFits(folder, resolvedMaster);
    FitEngine.Choice engineChoice = engineChoice();
    int taskCpus = taskCpus(sparkSettings);
    boolean onThreads = FitEngine.onThreads(engineChoice, resolvedMaster, ui);
    if (QuickJit.runNeedsC2(
        job,
        onThreads,
        onThreads
            ? FitEngine.estimatedSeconds(
                job, plan, FitEngine.localCores(resolvedMaster).getAsInt() / taskCpus)
            : Double.POSITIVE_INFINITY)) {
      return QuickJit.RELAUNCH; // nothing printed or written yet
    }
    // Everything that can refuse the run does so before a session starts.
    ExecutorBudget budget = ExecutorBudget.forRun(master, sparkSettings);
    RunContext context = SweepDriver.preflight(job, options, 1, budget);
    GridPlan cut = plan.cutFor(budget.slots());
    System.out.printf(
        "rfsweep: %s: %s%d fits, %d rows, %d %s -> %s (driver BLAS %s)%n",
        job.name(),
        job.hasTaskAxes() ? job.points().size() + " task points, " : "",
        plan.fits(),
        plan.rows(),
        cut.units().size(),
        cut.isCut() ? "sub-units (units cut for " + budget.slots() + " task slots)" : "units",
        folder,
        context.blasBackend());
    try (LazySession spark =
        new LazySession(
            () -> SparkSessions.create("rfsweep " + job.name(), master, ui, sparkSettings))) {
      // Spark starts now for Spark tasks; on threads only if the folder turns out to need it.
      FitEngine fitEngine =
          onThreads
              ? FitEngine.driverThreads(
                  spark, resolvedMaster, FitEngine.localCores(resolvedMaster).getAsInt(), taskCpus)
              : FitEngine.spark(spark.get());
      if (onThreads) {
        System.out.printf(
            "rfsweep: fits on %d threads of this JVM, no Spark session (%s; --engine spark runs"
                + " them as Spark tasks)%n",
            fitEngine.slots(),
            engineChoice == FitEngine.Choice.THREADS
                ? "--engine threads"
                : "--engine auto with a local master");
      }
      SweepDriver.Outcome outcome =
          SweepDriver.run(
              fitEngine, context, options, line -> System.out.println("rfsweep: " + line));
      System.out.printf(
          "rfsweep: done in %.1f s: %d rows in %s; fits ok %d, failed %d; BLAS %s%n",
          outcome.seconds(),
          outcome.rows(),
          FitsLocation.recorded(folder).orElse(folder.resolve("fits").toString()),
          outcome.fitsOk(),
          outcome.fitsFailed(),
          outcome.blasBackends());
      return outcome.fitsFailed() == 0 ? 0 : 3;
    }
  }

  private FitEngine.Choice engineChoice() {
    try {
      return FitEngine.Choice.valueOf(engine.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SpecException("--engine " + engine + ": expected auto, spark or threads");
    }
  }

  private static int taskCpus(Map<String, String> sparkSettings) {
    String value = sparkSettings.getOrDefault("spark.task.cpus", "1").trim();
    try {
      int cpus = Integer.parseInt(value);
      if (cpus >= 1) {
        return cpus;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new SpecException("spark.task.cpus=" + value + ": a whole number of cores >= 1");
  }

  /**
   * On YARN and Kubernetes the executors run on other machines: rows they wrote into DIR/fits on
   * their own disks would never reach the driver. Such a run needs {@code --fits} (or a folder that
   * recorded one).
   */
  private void requireSharedFits(Path folder, String resolved) {
    boolean remoteExecutors = resolved.startsWith("yarn") || resolved.startsWith("k8s://");
    if (remoteExecutors && fits == null && FitsLocation.recorded(folder).isEmpty()) {
      throw new OutputConflictException(
          "--fits: the executors of master "
              + resolved
              + " run on other machines and cannot write into "
              + folder.resolve("fits")
              + " on this one; give --fits URI on a file system they all reach, e.g. --fits"
              + " hdfs:///sweeps/"
              + folder.getFileName()
              + "/fits");
    }
  }

  /** The user's Spark settings: the properties file, then --conf, then --driver-memory. */
  private Map<String, String> sparkSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (propertiesFile != null) {
      Properties properties = new Properties();
      try (var in = Files.newBufferedReader(propertiesFile)) {
        properties.load(in);
      } catch (IOException e) {
        throw new SpecException(
            "--properties-file " + propertiesFile + ": cannot read (" + e.getMessage() + ")");
      }
      properties.stringPropertyNames().stream()
          .sorted()
          .forEach(key -> settings.put(key, properties.getProperty(key).trim()));
    }
    conf.forEach(
        (key, value) -> {
          if (!key.startsWith("spark.")) {
            throw new SpecException(
                "--conf " + key + "=" + value + ": a Spark setting starts with 'spark.'");
          }
          settings.put(key, value);
        });
    if (driverMemory != null) {
      settings.put("spark.driver.memory", driverMemory);
    }
    return settings;
  }
}
