package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.spec.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Validates a spec and prints its grid and cost, without starting Spark. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Validate SPEC and print the grid: cells, tasks, fits, total flops and the largest task's "
        + "memory. Starts no Spark job and writes nothing.")
final class PlanCommand implements Callable<Integer> {
  /** Sustained rate of the mixed per-task work on one core (dgemm peaks near 75 GFLOP/s; eigensolvers less). */
  private static final double FLOPS_PER_CORE_SECOND = 20e9;

  @Parameters(index = "0", paramLabel = "SPEC", description = "job spec (YAML)")
  Path spec;

  @Override
  public Integer call() {
    JobSpec job = SpecLoader.load(spec);
    GridPlan plan = GridPlan.of(job);
    if (job.task() instanceof DatasetTaskSpec dataset) {
      DatasetPool.of(dataset, job.seed()); // a bad file is a plan error too
    }
    System.out.printf("job         %s (spec hash %s)%n", job.name(), SpecFingerprint.hash(job));
    if (job.task() instanceof PowerLawTaskSpec task) {
      System.out.printf("task        powerlaw alpha=%s beta=%s noise=%s modes=%d test_samples=%d%n", task.alpha(),
          task.beta(), task.noise(), task.modes(), task.testSamples());
    } else if (job.task() instanceof DatasetTaskSpec task) {
      System.out.printf("task        dataset %s, target %s%s, pool %d, test_samples %d%n", task.dataFile(),
          task.target(), task.positive().isEmpty() ? "" : " " + task.positive(), task.pool(), task.testSamples());
    }
    System.out.printf("features    %s%n", job.features().kind().word());
    for (Sweep sweep : job.grid().sweeps()) {
      System.out.printf("sweep       widths %s x samples %s%n", sweep.widths(), sweep.samples());
    }
    System.out.printf("ridges      %s%n", job.grid().ridges().stream()
        .map(r -> String.format(java.util.Locale.ROOT, "%.4g", r)).toList());
    System.out.printf("grid        %d cells x %d seeds = %d tasks; x %d ridges = %d fits; %d work units%n",
        plan.cells().size(), job.grid().seeds(), plan.tasks(), job.grid().ridges().size(), plan.fits(),
        plan.units().size());
    double flops = 0;
    CostModel.UnitCost largest = null;
    for (WorkUnit unit : plan.units()) {
      CostModel.UnitCost cost = CostModel.of(job, unit);
      flops += cost.flops();
      if (largest == null || cost.peakBytes() > largest.peakBytes()) {
        largest = cost;
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("work        %.3g flops, about %s on %d cores at %.0f GFLOP/s per core%n", flops,
        duration(flops / (FLOPS_PER_CORE_SECOND * cores)), cores, FLOPS_PER_CORE_SECOND / 1e9);
    System.out.printf("memory      largest task holds about %s at once; run with %d tasks in parallel: %s%n",
        bytes(largest.peakBytes()), cores, bytes(largest.peakBytes() * cores));
    return 0;
  }

  static String bytes(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format("%.0f MiB", Math.max(1, bytes / (double) (1L << 20)));
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
