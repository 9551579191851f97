package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
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
  private final Workspace predictions = new Workspace();

  /**
   * @param features activated raw test features, column-major {@code points x bankWidth}; read only
   * @param labels test labels, column-major {@code points x outputs}; read only
   */
  SampledTestRisk(BLAS blas, double[] features, double[] labels, int points, int outputs) {
    this.blas = blas;
    this.features = features;
    this.labels = labels;
    this.points = points;
    this.outputs = outputs;
  }

  @Override
  public void evaluate(RidgeSolution solution, double[] out) {
    Arrays.fill(out, 0, solution.ridges(), 0.0);
    addSquaredErrors(
        blas, solution, features, points, 0, points, labels, points, outputs, predictions, out);
    for (int r = 0; r < solution.ridges(); r++) {
      out[r] /= points;
    }
  }

  /**
   * Adds to {@code sums[r]} the squared errors of ridge r's predictions on test points {@code from
   * .. from+rows-1}, whose raw features are the first {@code rows} rows of {@code features}
   * (leading dimension {@code ld}).
   */
  static void addSquaredErrors(
      BLAS blas,
      RidgeSolution solution,
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
        1.0 / Math.sqrt(width),
        features,
        ld,
        solution.coefficients(),
        width,
        0.0,
        p,
        rows);
    for (int r = 0; r < solution.ridges(); r++) {
      double sum = 0;
      for (int o = 0; o < outputs; o++) {
        int column = (r * outputs + o) * rows;
        int labelColumn = o * labelRows + from;
        for (int t = 0; t < rows; t++) {
          double error = p[column + t] - labels[labelColumn + t];
          sum += error * error;
        }
      }
      sums[r] += sum;
    }
  }
}
