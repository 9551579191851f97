package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.driver.Capacity;
import org.rfsweep.driver.ExecutorBudget;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.Schedule;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.Sweep;
import org.rfsweep.spec.TaskPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Validates a spec and prints its grid and cost, without starting Spark. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Validate SPEC and print the grid (per task point and in total): cells, fits, rows, units, total "
            + "flops, the units cut for the task slots as the driver cuts them and its schedule played out on "
            + "them at this machine's measured BLAS speed, "
            + "and the largest unit's memory against what a task slot has (refused when it does not fit). "
            + "Starts no Spark job and writes nothing.")
final class PlanCommand implements Callable<Integer> {
  /**
   * Share of the single-core speed a unit keeps when every task slot is busy (memory shared between
   * cores, Spark's per-task work), on top of each part's own speed ({@link
   * CostModel.UnitCost#flopsAtPeak}). Measured here: Fig. 1's units take 4.7-4.8 s alone on one
   * core and its fits 139 s on 2 slots, 0.75; the quickstart's 0.63 (its JVM still compiling).
   */
  static final double SUSTAINED_SHARE_OF_DGEMM = 0.75;

  /**
   * The same share for units on the driver's own threads (a local run's default engine), without
   * Spark's tasks beside them. Measured here: Fig. 1's fits 95.8 s on threads where 0.75 predicts
   * 112 s, 0.88; the quickstart's 4.7-5.5 s, 0.69-0.80 (its JVM still compiling).
   */
  static final double THREADS_SUSTAINED_SHARE = 0.85;

  /**
   * A JVM and a Spark session ready to run (measured here: 2.1-2.6 s from the launcher's start with
   * its class-data-sharing archive).
   */
  static final double SPARK_START_SECONDS = 2.5;

  /**
   * A JVM ready to fit on its own threads, no Spark session (measured here: 0.55-0.9 s from the
   * launcher's start).
   */
  static final double THREADS_START_SECONDS = 0.7;

  /**
   * The tables and the report of a sweep (measured here: 1.2-1.4 s on the quickstart, 2.3 s on Fig.
   * 1).
   */
  static final double TABLES_AND_REPORT_SECONDS = 2;

  /**
   * Executors that start their own JVMs take this long to run their first tasks at speed (launch,
   * class loading, the fit's code still compiling). Measured here on a loopback standalone cluster
   * of two one-core workers: 22.2 s of fits for 9.3 s of units per slot, 27.2 s for 17 s.
   */
  static final double EXECUTOR_START_SECONDS = 10;

  @Mixin SpecArguments arguments;

  @Option(
      names = "--slots",
      paramLabel = "S",
      description =
          "cut the units and simulate the schedule for S task slots instead of the config's (e.g."
              + " --slots 1000 for a cluster of 1000 cores at one core per task), each with the"
              + " config's memory")
  Integer slots;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "a cluster-configs/*.properties file: check the largest unit against its executors' memory "
              + "and estimate the time on its cores")
  Path config;

  @Override
  public Integer call() {
    JobSpec job = arguments.load();
    ExecutorBudget budget = config == null ? ExecutorBudget.thisJvm() : ExecutorBudget.of(config);
    int slots = this.slots != null ? this.slots : budget.slots();
    if (slots < 1) {
      throw new SpecException("--slots: must be >= 1, found " + slots);
    }
    // The driver cuts large units for the slots it has: the same cut played out here.
    GridPlan plan = GridPlan.of(job).cutFor(slots);
    for (TaskPoint point : job.points()) {
      if (point.task() instanceof DatasetTaskSpec dataset) {
        DatasetPool.of(dataset, job.seed()); // a bad file is a plan error too
      }
    }
    System.out.printf("job         %s (spec hash %s)%n", job.name(), SpecFingerprint.hash(job));
    if (job.hasTaskAxes()) {
      printPoints(job, plan);
    } else if (job.task() instanceof PowerLawTaskSpec task) {
      System.out.printf(
          "task        powerlaw alpha=%s beta=%s noise=%s modes=%d test_samples=%d%n",
          task.alpha(), task.beta(), task.noise(), task.modes(), task.testSamples());
    } else if (job.task() instanceof DatasetTaskSpec task) {
      System.out.printf(
          "task        dataset %s, target %s%s, pool %d, test_samples %d%n",
          task.dataFile(),
          task.target(),
          task.positive().isEmpty() ? "" : " " + task.positive(),
          task.pool(),
          task.testSamples());
    }
    if (!job.hasTaskAxes()) {
      System.out.printf("features    %s%n", TaskPoint.featureWords(job.features()));
    }
    for (Sweep sweep : job.grid().sweeps()) {
      System.out.printf(
          "sweep       widths %s x samples %s%n",
          sweep.widths().stream().map(Sweep::widthForSpec).toList(), sweep.samples());
    }
    System.out.printf(
        "ridges      %s%n",
        job.grid().ridges().stream().map(r -> String.format(Locale.ROOT, "%.4g", r)).toList());
    System.out.printf(
        "grid        %s%d cells x %d seeds = %d fits; x %d ridges = %d rows; %s%n",
        job.hasTaskAxes() ? job.points().size() + " task points x " : "",
        plan.cells().size(),
        job.grid().seeds(),
        plan.fits(),
        job.grid().ridges().size(),
        plan.rows(),
        unitWords(job, plan));
    // Each unit priced once: sorting and the simulation ask for a unit's cost many times.
    Map<WorkUnit, CostModel.UnitCost> costs = new IdentityHashMap<>();
    double flops = 0;
    double flopsAtPeak = 0;
    for (WorkUnit unit : plan.units()) {
      CostModel.UnitCost cost = CostModel.of(job, unit);
      costs.put(unit, cost);
      flops += cost.flops();
      flopsAtPeak += cost.flopsAtPeak();
    }
    double gflops = measuredDgemmGflops();
    // What run --engine auto does: a sweep in this JVM fits on its threads, without Spark.
    boolean threads = budget.inThisJvm();
    double share = threads ? THREADS_SUSTAINED_SHARE : SUSTAINED_SHARE_OF_DGEMM;
    double rate = gflops * 1e9 * share;
    // The driver's schedule played out: units cut into sub-units when too few for the slots, then
    // chunks of them packed into tasks; a sub-unit runs whole on one slot, so the largest bounds
    // the time however many slots there are.
    List<WorkUnit> split = plan.units();
    List<WorkUnit> order = Schedule.driverOrder(split, u -> costs.get(u).flops());
    int chunk = Schedule.driverChunkUnits(split, slots, u -> costs.get(u).flops());
    Schedule schedule =
        Schedule.simulate(order, slots, u -> costs.get(u).flopsAtPeak() / rate, chunk);
    double seconds = schedule.makespanSeconds() + (budget.inThisJvm() ? 0 : EXECUTOR_START_SECONDS);
    System.out.printf(
        "work        %.3g flops (%.3g in dgemm's flops, each part weighted by how fast it runs);"
            + " about %s on %d task slots%s (dgemm measured here: %.0f GFLOP/s on one "
            + "thread, %.0f%% of it sustained with every slot busy)%n",
        flops,
        flopsAtPeak,
        duration(seconds),
        slots,
        budget.inThisJvm()
            ? ""
            : ", about " + duration(EXECUTOR_START_SECONDS) + " of it starting the executors",
        gflops,
        100 * share);
    System.out.printf(
        "schedule    %d %s in %d chunk%s on %d slots: utilisation %.0f%%; the largest takes %s"
            + " (no schedule is shorter)%s%n",
        split.size(),
        plan.isCut() ? "sub-units" : "units",
        schedule.chunks(),
        schedule.chunks() == 1 ? "" : "s",
        slots,
        100 * schedule.utilisation(),
        duration(schedule.largestUnitSeconds()),
        // Equal units, one per slot, bound it just under 1: nothing worth a clause.
        schedule.utilisationBound() < 0.995
            ? String.format(
                Locale.ROOT,
                ", more than a slot's share of the work (%s), so no schedule passes %.0f%%",
                duration(schedule.utilisationBound() * schedule.largestUnitSeconds()),
                100 * schedule.utilisationBound())
            : "");
    double start = threads ? THREADS_START_SECONDS : SPARK_START_SECONDS;
    double spectra = SpectrumPlan.print(job, gflops);
    System.out.printf(
        "whole run   about %s: %s about %s,%s fits %s%s, tables and report about %s%n",
        duration(start + spectra + seconds + TABLES_AND_REPORT_SECONDS),
        threads ? "JVM start" : "Spark start",
        duration(start),
        spectra > 0 ? " the pool's spectrum about " + duration(spectra) + "," : "",
        duration(seconds),
        threads ? " on the driver's threads (no Spark session: run --engine auto)" : "",
        duration(TABLES_AND_REPORT_SECONDS));
    Capacity.Memory memory = Capacity.check(job, plan, budget); // the same check run makes
    System.out.printf(
        "memory      largest unit holds about %s at once%s; each task slot has %s (%s)%n",
        ExecutorBudget.bytes(memory.largestUnitBytes()),
        memory.slotBytes() > memory.largestUnitBytes()
            ? ", a slot about "
                + ExecutorBudget.bytes(memory.slotBytes())
                + " with the arrays its thread keeps from units of other shapes"
            : "",
        ExecutorBudget.bytes(budget.bytesPerTask()),
        budget.source());
    return 0;
  }

  private static String unitWords(JobSpec job, GridPlan plan) {
    long seedUnits = (long) job.points().size() * job.grid().seeds();
    if (!plan.isCut()) {
      return plan.units().size() + " units";
    }
    long cut = plan.cutSeedUnits();
    return plan.units().size()
        + " sub-units ("
        + (cut == seedUnits
            ? "each of " + seedUnits + " seed units"
            : cut + " of " + seedUnits + " seed units")
        + " cut for the slots)";
  }

  /** Each task point with its fits and work, for a job with task axes. */
  private static void printPoints(JobSpec job, GridPlan plan) {
    System.out.printf(
        "task points %d: %s%n",
        job.points().size(), String.join(" x ", job.points().get(0).coordinates().keySet()));
    double[] flops = new double[job.points().size()];
    for (WorkUnit unit : plan.units()) {
      flops[unit.point()] += CostModel.of(job, unit).flops();
    }
    for (int i = 0; i < job.points().size(); i++) {
      TaskPoint point = job.points().get(i);
      System.out.printf(
          Locale.ROOT,
          "  %3d  %-60s %d fits, %d rows, %.3g flops%n",
          i + 1,
          point.key(),
          plan.fitsPerPoint(),
          plan.fitsPerPoint() * job.grid().ridges().size(),
          flops[i]);
    }
  }

  /** Single-thread dgemm speed of this machine, measured in a few tens of milliseconds. */
  private static double measuredDgemmGflops() {
    NativeLinalg.initialise(1);
    int n = 768;
    double[] a = new double[n * n];
    Arrays.fill(a, 1.0 / n);
    double[] c = new double[n * n];
    double best = Double.POSITIVE_INFINITY;
    for (int rep = 0; rep < 3; rep++) {
      long start = System.nanoTime();
      NativeLinalg.blas().dgemm("N", "N", n, n, n, 1.0, a, n, a, n, 0.0, c, n);
      best = Math.min(best, (System.nanoTime() - start) * 1e-9);
    }
    return 2.0 * n * n * n / best / 1e9;
  }

  static String duration(double seconds) {
    if (seconds < 120) {
      return String.format("%.0f s", Math.max(1, seconds));
    }
    if (seconds < 7200) {
      return String.format("%.0f min", seconds / 60);
    }
    return String.format("%.1f h", seconds / 3600);
  }
}
