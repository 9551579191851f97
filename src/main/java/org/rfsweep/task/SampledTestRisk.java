package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.linalg.Workspace;
import org.rfsweep.solver.RidgeSolution;

/**
 * Test risk on the seed's fresh noisy test points: the mean over points of the squared error summed
 * over outputs. The test features H_test (points x bank width) are computed once per seed and
 * shared by every cell.
 */
final class SampledTestRisk implements TestRisk {
  private final BLAS blas;
  private final double[] features;
  private final double[] labels;
  private final int points;
  private final int outputs;
  private final boolean dual;
  private final Workspace predictions = new Workspace();

  /** The risk of random-feature fits: {@code features} are the raw test features. */
  SampledTestRisk(BLAS blas, double[] features, double[] labels, int points, int outputs) {
    this(blas, features, labels, points, outputs, false);
  }

  /**
   * @param features activated raw test features, column-major {@code points x bankWidth}; or, for
   *     kernel fits ({@code dual}), the test points' kernel against the training samples, {@code
   *     points x samples}; read only
   * @param labels test labels, column-major {@code points x outputs}; read only
   * @param dual whether fits are kernel fits, whose coefficients are dual (predictions K alpha)
   */
  SampledTestRisk(
      BLAS blas, double[] features, double[] labels, int points, int outputs, boolean dual) {
    this.dual = dual;
    this.blas = blas;
    this.features = features;
    this.labels = labels;
    this.points = points;
    this.outputs = outputs;
  }

  @Override
  public void evaluate(RidgeSolution solution, double[] out) {
    double[] sums = new double[solution.ridges() * outputs];
    double scale = dual ? 1.0 : 1.0 / Math.sqrt(solution.width());
    addSquaredErrors(
        blas,
        solution,
        scale,
        features,
        points,
        0,
        points,
        labels,
        points,
        outputs,
        predictions,
        sums);
    meanOverPoints(sums, solution.ridges(), outputs, points, out);
  }

  /**
   * Continues, for each ridge r and output o, the sum of squared errors in {@code sums[r * outputs
   * + o]} over test points {@code from .. from+rows-1}, whose raw features are the first {@code
   * rows} rows of {@code features} (leading dimension {@code ld}); predictions are {@code scale}
   * features times coefficients. Each sum adds its points one at a time in order, so the points
   * taken in blocks (streamed) give the bits of all of them at once.
   */
  static void addSquaredErrors(
      BLAS blas,
      RidgeSolution solution,
      double scale,
      double[] features,
      int ld,
      int from,
      int rows,
      double[] labels,
      int labelRows,
      int outputs,
      Workspace scratch,
      double[] sums) {
    int width = solution.width();
    int columns = outputs * solution.ridges();
    double[] p = scratch.get((long) rows * columns);
    blas.dgemm(
        "N",
        "N",
        rows,
        columns,
        width,
        scale,
        features,
        ld,
        solution.coefficients(),
        width,
        0.0,
        p,
        rows);
    for (int c = 0; c < columns; c++) {
      double sum = sums[c];
      int column = c * rows;
      int labelColumn = (c % outputs) * labelRows + from;
      for (int t = 0; t < rows; t++) {
        double error = p[column + t] - labels[labelColumn + t];
        sum += error * error;
      }
      sums[c] = sum;
    }
  }

  /**
   * out[r] = the sum over outputs of {@code sums[r * outputs + o]}, over {@code points}: the mean
   * squared error summed over outputs.
   */
  static void meanOverPoints(double[] sums, int ridges, int outputs, int points, double[] out) {
    for (int r = 0; r < ridges; r++) {
      double total = 0;
      for (int o = 0; o < outputs; o++) {
        total += sums[r * outputs + o];
      }
      out[r] = total / points;
    }
  }
}
