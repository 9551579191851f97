package org.rfsweep.grid;

import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * Floating-point work and peak memory of a work unit, from its shape alone. Used by {@code plan} and for
 * scheduling; the constants follow THEORY.md section 5 (Gram ~ n N min(n, N), eigendecomposition ~ 9 min^3).
 */
public final class CostModel {
  /** Flop-equivalents of drawing one Gaussian number (about 5 ns against ~20 GFLOP/s of mixed BLAS work). */
  private static final double FLOPS_PER_NORMAL = 100;
  private static final double EIGEN_FLOPS_PER_CUBE = 9;
  /** Samples projected per block (the task package's Projector.BLOCK_ROWS). */
  private static final int BLOCK_ROWS = 256;
  /** Input dimension assumed for a dataset before its files are read (a 28 x 28 image). */
  private static final long DATASET_DIMENSION_GUESS = 784;

  private CostModel() {}

  /** Cost of one work unit. */
  public record UnitCost(double flops, long peakBytes) {}

  public static UnitCost of(JobSpec spec, WorkUnit unit) {
    boolean exactRisk = spec.task() instanceof PowerLawTaskSpec && spec.features().kind() == FeatureKind.LINEAR;
    long dimension;
    long testPoints;
    int outputs = 1;
    if (spec.task() instanceof PowerLawTaskSpec task) {
      dimension = task.modes();
      testPoints = exactRisk ? 0 : task.testSamples();
    } else {
      DatasetTaskSpec task = (DatasetTaskSpec) spec.task();
      dimension = DATASET_DIMENSION_GUESS;
      testPoints = task.testSamples();
      outputs = task.target().equals(DatasetTaskSpec.ONEHOT) ? 10 : 1;
    }
    int ridges = spec.grid().ridges().size() * outputs;
    long bankWidth = unit.maxWidth();
    Staircase staircase = new Staircase(unit.cells());
    long maxSamples = staircase.maxSamples();

    // Shared per seed: drawing the bank, samples and test points, and projecting them.
    double flops = FLOPS_PER_NORMAL * dimension * (bankWidth + maxSamples + testPoints)
        + 2.0 * dimension * (staircase.entries() + (double) testPoints * bankWidth);
    long largestCell = 0;
    long largestSide = 0;
    for (Cell cell : unit.cells()) {
      double n = cell.samples();
      double w = cell.width();
      double m = Math.min(n, w);
      double evaluation = 2.0 * w * ridges * (exactRisk ? dimension : testPoints);
      flops += n * w * m + EIGEN_FLOPS_PER_CUBE * m * m * m + 2.0 * m * (w + n) * ridges + evaluation;
      largestCell = Math.max(largestCell, (long) cell.samples() * cell.width());
      largestSide = Math.max(largestSide, Math.max(cell.samples(), cell.width()));
    }
    long shared = dimension * bankWidth + staircase.entries() + maxSamples + testPoints * bankWidth
        + dimension * BLOCK_ROWS;
    long perCell = largestCell + largestSide * largestSide + 3L * largestSide * ridges
        + (exactRisk ? dimension : testPoints) * ridges;
    return new UnitCost(flops, (shared + perCell) * Double.BYTES);
  }
}
