package org.rfsweep.grid;

/**
 * How many samples are drawn and projected onto the feature bank at a time. Larger blocks run dgemm
 * closer to peak (measured on one thread: 58 GFLOP/s at 256 rows and 70 at 1024 for d = 784; at d =
 * 10^4 and 2048 features, 38-40 at 128 rows, 49 at 256, 52-55 at 512), but the block's inputs are
 * held whole, so a high input dimension gets fewer rows, never fewer than 256.
 */
public final class ProjectionBlock {
  private static final int MIN_ROWS = 256;
  private static final int MAX_ROWS = 1024;

  /**
   * Doubles of inputs per block: 8 MiB, 1024 rows at d = 784. At the paper's d = 10^4 the floor of
   * 256 rows (20 MiB) decides: 419-row blocks (32 MiB) made Fig. 1's setup slower, not faster, the
   * draws' output no longer staying in cache for the dgemm that reads it.
   */
  private static final int INPUT_BUDGET = 1 << 20;

  private ProjectionBlock() {}

  public static int rows(int inputDimension) {
    return Math.max(MIN_ROWS, Math.min(MAX_ROWS, INPUT_BUDGET / Math.max(1, inputDimension)));
  }
}
