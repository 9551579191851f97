package org.rfsweep.driver;

import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.Schedule;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;

/**
 * Where a sweep's work units run: as Spark tasks, or, for a small sweep in local mode, on the
 * driver's own threads ({@link ThreadFitsJob}), where no Spark session is started unless the folder
 * needs one (a large or damaged table to check). Both write the same rows.
 *
 * @param spark the session, started on first use when the units run on threads
 * @param onDriverThreads whether the units run on the driver's threads
 * @param master the master URL the run resolved
 * @param slots task slots: Spark's default parallelism, or the local cores over {@code taskCpus}
 * @param taskCpus cores (BLAS threads) per task
 */
public record FitEngine(
    Supplier<SparkSession> spark, boolean onDriverThreads, String master, int slots, int taskCpus) {

  /** The {@code --engine} values. */
  public enum Choice {
    AUTO,
    SPARK,
    THREADS
  }

  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?])?");

  /** Units as Spark tasks on a running session. */
  public static FitEngine spark(SparkSession session) {
    return new FitEngine(
        () -> session,
        false,
        session.sparkContext().master(),
        session.sparkContext().defaultParallelism(),
        session.sparkContext().getConf().getInt("spark.task.cpus", 1));
  }

  /**
   * Units on {@code cores / taskCpus} driver threads; {@code spark} starts a session only if asked.
   */
  public static FitEngine driverThreads(
      Supplier<SparkSession> spark, String master, int cores, int taskCpus) {
    return new FitEngine(spark, true, master, Math.max(1, cores / taskCpus), taskCpus);
  }

  /** What the manifest records as the engine. */
  public String label() {
    return onDriverThreads ? "driver threads" : "spark";
  }

  /**
   * The cores a local master URL gives ({@code local}: 1, {@code local[N]} and {@code local[N,F]}:
   * N, {@code local[*]}: this machine's), empty for a cluster's master.
   */
  public static OptionalInt localCores(String master) {
    Matcher m = LOCAL.matcher(master.trim());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    String cores = m.group(1);
    if (cores == null) {
      return OptionalInt.of(1);
    }
    return OptionalInt.of(
        "*".equals(cores) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(cores));
  }

  /**
   * Whether a run's fits go on the driver's threads: {@code --engine threads}, or {@code auto} with
   * a local master and no web UI, whatever the sweep's size. Refuses, naming the option, {@code
   * threads} where it cannot run: with a cluster's master, or with {@code --ui} (which shows
   * Spark's jobs only).
   *
   * <p>Auto once kept Spark's path for local sweeps over a minute, to rehearse what a cluster runs
   * at what was thought a few percent. Measured in alternating runs here it is more: Fig. 1's whole
   * command 139.7 and 109.9 s through Spark against 100.6 and 98.6 s on threads (fits 112.4 and
   * 103.1 s against 93.4 and 93.9 s; the BLAS time alike, Spark's side adding about 5 s of kernel
   * page clearing and 4 s of JVM work over 8 seeds), besides Spark's 3-4 s start. {@code --engine
   * spark} still rehearses the cluster's path on one machine.
   *
   * @param master the master URL the run resolved
   */
  public static boolean onThreads(Choice choice, String master, boolean ui) {
    OptionalInt cores = localCores(master);
    if (choice == Choice.THREADS && cores.isEmpty()) {
      throw new SpecException(
          "--engine threads: runs on this machine only, and master "
              + master
              + " is a cluster's; use --engine spark or auto");
    }
    if (choice == Choice.THREADS && ui) {
      throw new SpecException(
          "--engine threads: the fits would run outside Spark, so --ui would show none of them;"
              + " use --engine spark or auto with --ui");
    }
    return choice == Choice.THREADS || (choice == Choice.AUTO && cores.isPresent() && !ui);
  }

  /** The fits' seconds on {@code slots} local slots, by the cost model at a sustained speed. */
  public static double estimatedSeconds(JobSpec spec, GridPlan plan, int slots) {
    return plan.units().stream()
            .mapToDouble(u -> CostModel.of(spec, u).flops() / Schedule.DRIVER_FLOPS_PER_SLOT)
            .sum()
        / Math.max(1, slots);
  }
}
