package org.rfsweep.grid;

/**
 * How many samples are drawn and projected onto the feature bank at a time. Larger blocks run dgemm closer to
 * peak (measured at d = 784, one thread: 58 GFLOP/s at 256 rows, 70 at 1024), but the block's inputs are held
 * whole, so a high input dimension gets fewer rows.
 */
public final class ProjectionBlock {
  private static final int MIN_ROWS = 128;
  private static final int MAX_ROWS = 1024;
  /** Doubles of inputs per block: 8 MiB. */
  private static final int INPUT_BUDGET = 1 << 20;

  private ProjectionBlock() {}

  public static int rows(int inputDimension) {
    return Math.max(MIN_ROWS, Math.min(MAX_ROWS, INPUT_BUDGET / Math.max(1, inputDimension)));
  }
}
