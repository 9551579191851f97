package org.rfsweep.task;

import java.util.List;
import org.rfsweep.grid.Cell;
import org.rfsweep.solver.PathTimings;

/**
 * One cell's fit as its rows need it, copied out of the thread's solution so that the test risks of
 * several cells can follow in one product. A cell that failed has an error and no numbers.
 *
 * @param seconds the cell's fit and its test risk (or its share of products shared with others)
 */
record Fitted(
    Cell cell,
    double[] trainMse,
    double[] testMse,
    double[] looMse,
    double[] gcvMse,
    PathTimings path,
    double seconds,
    double testRiskSeconds,
    String error) {

  static Fitted failed(Cell cell, double seconds, String error) {
    return new Fitted(cell, null, null, null, null, null, seconds, Double.NaN, error);
  }

  /** With its share of the test-risk products it shared with other cells. */
  Fitted withRiskSeconds(double share) {
    return new Fitted(cell, trainMse, testMse, looMse, gcvMse, path, seconds + share, share, error);
  }

  /**
   * With the test set's label noise added to its test risks, or failed when a risk is not finite (a
   * fit that produced NaN or Inf).
   */
  Fitted checked(double[] ridges, double testNoise) {
    if (error != null) {
      return this;
    }
    for (int r = 0; r < ridges.length && testNoise > 0; r++) {
      testMse[r] += testNoise;
    }
    for (int r = 0; r < ridges.length; r++) {
      if (!Double.isFinite(trainMse[r]) || Double.isNaN(testMse[r])) {
        return failed(
            cell, seconds, "non-finite risk at ridge " + ridges[r] + " (NaN or Inf in the fit)");
      }
    }
    return this;
  }

  /** Its rows, one per ridge: OK with the risks, or FAILED with the error and NaN risks. */
  void addRows(
      double[] ridges, int seed, double setupSeconds, String backend, List<FitResult> out) {
    for (int r = 0; r < ridges.length; r++) {
      boolean ok = error == null;
      out.add(
          new FitResult(
              cell.widthValue(),
              cell.samples(),
              ridges[r],
              seed,
              ok ? trainMse[r] : Double.NaN,
              ok ? testMse[r] : Double.NaN,
              ok ? looMse[r] : Double.NaN,
              ok ? gcvMse[r] : Double.NaN,
              ok ? FitResult.OK : FitResult.FAILED,
              error, // null when it worked, so that "error IS NULL" selects the rows that did
              seconds,
              setupSeconds,
              path,
              testRiskSeconds,
              backend));
    }
  }
}
