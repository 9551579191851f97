package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.run.PoolSpectrum;
import org.rfsweep.run.SpectrumCache;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.Cli;

/** What {@code plan} estimates, and what the estimate leaves alone. */
class PlanEstimateTest {
  private static final Pattern SECONDS = Pattern.compile("about (\\d+) s on 2 task slots");

  /**
   * Executors that start their own JVMs add their start to a cluster's estimate; local mode runs
   * the tasks in the driver's JVM.
   */
  @Test
  void aClusterEstimateIncludesStartingItsExecutors() {
    // A grid of a few milliseconds of fits: each plan measures dgemm afresh and a busy machine can
    // halve that speed, so only a start far longer than the fits shows cleanly in the difference.
    String[] tiny = {
      "plan", "jobs/quickstart.yaml", "grid.widths=[16,32]", "grid.samples=[16,32]", "grid.seeds=2"
    };
    Cli.Outcome local = Cli.execute(concat(tiny, "--slots", "2"));
    Cli.Outcome cluster =
        Cli.execute(
            concat(tiny, "--config", "cluster-configs/standalone.properties", "--slots", "2"));
    assertEquals(0, local.code(), local.err());
    assertEquals(0, cluster.code(), cluster.err());
    assertTrue(!local.out().contains("starting the executors"), local.out());
    assertTrue(cluster.out().contains("of it starting the executors"), cluster.out());
    // The whole run as run --engine auto does it: a small local sweep on the driver's threads.
    assertTrue(
        local.out().contains("JVM start about 1 s, fits 1 s on the driver's threads"), local.out());
    assertTrue(cluster.out().contains("Spark start about 3 s"), cluster.out());
    assertEquals(1, seconds(local.out()), "the fits alone, at least the 1 s the plan prints");
    assertEquals(
        1 + PlanCommand.EXECUTOR_START_SECONDS,
        seconds(cluster.out()),
        1,
        "the same fits and the executors' start");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  /**
   * The time estimate leaves the flop counts alone (they decide where a unit is cut and how units
   * are packed): its weights only make narrow products, eigensolvers and draws count for their real
   * speed.
   */
  @Test
  void theTimeEstimateWeighsEachPartAndLeavesTheFlopsAlone() throws Exception {
    JobSpec fig1 = SpecLoader.load(java.nio.file.Path.of("jobs/more-is-better-fig1.yaml"));
    WorkUnit unit = GridPlan.of(fig1).units().get(0);
    CostModel.UnitCost cost = CostModel.of(fig1, unit);
    // Fig. 1's exact test risk (one 10^4 x 31 x N product per cell) runs at a third of dgemm speed:
    // its units cost more at dgemm speed than their flops.
    assertTrue(cost.flopsAtPeak() > cost.flops(), cost.toString());
    JobSpec nightly = SpecLoader.load(java.nio.file.Path.of("jobs/nightly-large-grid.yaml"));
    WorkUnit large = new WorkUnit(0, java.util.List.of(new org.rfsweep.grid.Cell(8192, 8192)));
    CostModel.UnitCost largeCost = CostModel.of(nightly, large);
    // An 8192 x 8192 cell without leave-one-out: measured 87 s on one core at 53-57 GFLOP/s, where
    // its 6.6e12 flops at that speed would be 2 minutes.
    assertTrue(largeCost.flopsAtPeak() < 0.7 * largeCost.flops(), largeCost.toString());
    assertEquals(81, largeCost.flopsAtPeak() / 55e9, 10, "seconds on one core at 55 GFLOP/s");
  }

  /**
   * The spectrum's time model against what was measured here at 53 GFLOP/s a thread (d = 784):
   * 10,000 points 132-137 s on two threads, 5,000 points 26.7-29.7 s on one and 16.8-19.0 s on two.
   */
  @Test
  void theSpectrumEstimateMatchesItsMeasurements() {
    assertEquals(134, CostModel.spectrumSeconds(10_000, 784, 53, 2), 134 * 0.1);
    assertEquals(28, CostModel.spectrumSeconds(5_000, 784, 53, 1), 28 * 0.1);
    assertEquals(18, CostModel.spectrumSeconds(5_000, 784, 53, 2), 18 * 0.1);
  }

  /**
   * A dataset job's pool spectrum is measured before the fits: plan counts it in the whole run,
   * unless the user's cache holds it (a real measurement kept in a temporary cache folder).
   */
  @Test
  void theWholeRunCountsThePoolSpectrumUnlessTheCacheHasIt(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
    java.util.Random random = new java.util.Random(3);
    for (int p = 0; p < 400; p++) {
      csv.append(random.nextGaussian()).append(',').append(random.nextGaussian()).append(',');
      csv.append(random.nextGaussian()).append(',').append(random.nextGaussian()).append('\n');
    }
    Path data = Files.writeString(dir.resolve("data.csv"), csv.toString());
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
            name: pooled
            seed: 2
            task: {type: dataset, source: {format: csv, path: %s, label: y}, target: numeric, pool: 300, test_samples: 50}
            features: relu
            grid: {widths: [8, 16], samples: [16, 32], ridges: [0, 0.1], seeds: 2}
            """
                .formatted(data));
    Cli.Outcome off = Cli.execute("plan", spec.toString());
    assertEquals(0, off.code(), off.err());
    int threads = Runtime.getRuntime().availableProcessors();
    assertTrue(
        off.out()
            .contains(
                "spectrum    300-point pool, relu kernel: about 1 s on "
                    + threads
                    + " BLAS threads before the fits, once (later runs into the same DIR reuse it;"
                    + " the cache is off)"),
        off.out());
    assertTrue(off.out().contains(", the pool's spectrum about 1 s, fits"), off.out());

    JobSpec job = SpecLoader.load(spec);
    DatasetPool pool = DatasetPool.of((DatasetTaskSpec) job.task(), job.seed());
    String blas = NativeLinalg.backend().withThreads(threads).label();
    Path cache = dir.resolve("cache");
    Path entry =
        SpectrumCache.at(cache)
            .store(job, pool, blas, PoolSpectrum.measure(job), line -> {})
            .orElseThrow();
    String before = System.getProperty(SpectrumCache.PROPERTY);
    try {
      System.setProperty(SpectrumCache.PROPERTY, cache.toString());
      Cli.Outcome cached = Cli.execute("plan", spec.toString());
      assertTrue(
          cached.out().contains("spectrum    300-point pool, relu kernel: in the cache, measured "),
          cached.out());
      assertTrue(cached.out().contains(entry.toString()), cached.out());
      assertFalse(cached.out().contains("the pool's spectrum about"), cached.out());
    } finally {
      System.setProperty(SpectrumCache.PROPERTY, before == null ? "off" : before);
    }
  }

  /** A cut job says so where it counts its work: sub-units, and the seed units they come from. */
  @Test
  void theUnitsAreCutForTheSlotsAndAThousandSlotsAreKeptBusy() {
    // 32 slots: 256 seed units of about 1.8e13 flops are eight a slot, so none is cut.
    Cli.Outcome nightly = Cli.execute("plan", "jobs/nightly-large-grid.yaml", "--slots", "32");
    assertEquals(0, nightly.code(), nightly.err());
    assertTrue(nightly.out().contains("rows; 256 units"), nightly.out());
    assertTrue(nightly.out().contains("schedule    256 units"), nightly.out());
    assertFalse(nightly.out().contains("no schedule passes"), nightly.out());
    // 1,000 slots: cut to about two sub-units a slot, the cut whose schedule ends first; each
    // seed's 8192 x 8192 cell is then a sub-unit of its own. Seconds are estimates at one speed,
    // so the utilisation is the same on any machine.
    Cli.Outcome large = Cli.execute("plan", "jobs/nightly-large-grid.yaml", "--slots", "1000");
    assertEquals(0, large.code(), large.err());
    assertTrue(
        large.out().contains("rows; 2560 sub-units (each of 256 seed units cut for the slots)"),
        large.out());
    Matcher busy = Pattern.compile("utilisation (\\d+)%").matcher(large.out());
    assertTrue(busy.find(), large.out());
    assertTrue(Integer.parseInt(busy.group(1)) >= 90, large.out());
  }

  private static double seconds(String planOutput) {
    Matcher m = SECONDS.matcher(planOutput);
    assertTrue(m.find(), planOutput);
    return Double.parseDouble(m.group(1));
  }
}
