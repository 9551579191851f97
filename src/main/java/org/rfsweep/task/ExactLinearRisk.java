package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
import org.rfsweep.data.GaussianLinearTask;
import org.rfsweep.linalg.Workspace;
import org.rfsweep.solver.RidgeSolution;

/**
 * Exact test risk of linear random features on a Gaussian task (docs/THEORY.md section 1): the
 * predictor is f(x) = (Lambda^{1/2} W_N^T a / sqrt(N)) . x, so E_te = |Lambda^{1/2} W_N^T a /
 * sqrt(N) - v|^2 + sigma^2 with no test-sampling noise. One dgemm per cell covers every ridge, or
 * one per width for the cells of a unit that share it ({@link SharedTestRisk}).
 */
final class ExactLinearRisk implements SharedTestRisk {
  private final BLAS blas;
  private final double[] bank;
  private final double[] sqrtEigenvalues;
  private final double[] target;
  private final double noise;
  private final boolean dual;
  private final Workspace effective = new Workspace();
  private final Workspace padded = new Workspace();
  private final Workspace paddedRisks = new Workspace();

  /**
   * @param bank feature weights, column-major {@code dimension x bankWidth}; read only
   */
  ExactLinearRisk(BLAS blas, GaussianLinearTask task, double[] bank) {
    this(blas, task, bank, false);
  }

  /**
   * @param bank feature weights, column-major {@code dimension x bankWidth}; or, for kernel fits
   *     ({@code dual}), the training inputs z_i, {@code dimension x samples}: the kernel predictor
   *     sum_i alpha_i z_i . z is linear with u = Z alpha; read only
   * @param dual whether fits are kernel fits with dual coefficients alpha
   */
  ExactLinearRisk(BLAS blas, GaussianLinearTask task, double[] bank, boolean dual) {
    this.dual = dual;
    this.blas = blas;
    this.bank = bank;
    this.sqrtEigenvalues = task.sqrtEigenvalues();
    this.target = task.targetCoefficients();
    this.noise = task.noiseVariance();
  }

  @Override
  public void evaluate(RidgeSolution solution, double[] out) {
    evaluateShared(solution.coefficients(), solution.width(), 1, solution.ridges(), out);
  }

  /**
   * For any ridge count: an odd one is padded (below), so every column is computed by the kernels
   * that round a column alike whatever its neighbours. Kernel fits (dual) never share.
   */
  @Override
  public boolean sharesProducts() {
    return !dual;
  }

  /**
   * An odd count of ridges is padded with a zero column per cell: OpenBLAS computes a lone last
   * column of a product with a one-column kernel that rounds differently from its wider ones
   * (measured on this machine's Haswell kernels, seven cells of 2,000 modes: every even count from
   * 2 to 42 agrees bit for bit stacked and alone; with an odd one, the last column alone differs),
   * and runs the narrow product faster padded (at 10^4 modes, 31 columns at 25 GFLOP/s, 32 at 30).
   */
  @Override
  public void evaluateShared(
      double[] coefficients, int width, int cells, int ridges, double[] out) {
    if (ridges % 2 == 0) {
      risks(coefficients, width, cells * ridges, out);
      return;
    }
    int stride = ridges + 1;
    double[] stacked = padded.get((long) width * cells * stride);
    double[] all = paddedRisks.get((long) cells * stride);
    for (int c = 0; c < cells; c++) {
      System.arraycopy(
          coefficients, c * width * ridges, stacked, c * width * stride, width * ridges);
      Arrays.fill(stacked, (c * stride + ridges) * width, (c + 1) * stride * width, 0.0);
    }
    risks(stacked, width, cells * stride, all);
    for (int c = 0; c < cells; c++) {
      System.arraycopy(all, c * stride, out, c * ridges, ridges);
    }
  }

  /**
   * The risk of each column of a width x columns coefficient matrix (leading dimension width): one
   * dgemm through the bank's first width columns, then each column's sum of squared errors.
   */
  private void risks(double[] coefficients, int width, int columns, double[] out) {
    int dimension = sqrtEigenvalues.length;
    double[] u = effective.get((long) dimension * columns);
    blas.dgemm(
        "N",
        "N",
        dimension,
        columns,
        width,
        dual ? 1.0 : 1.0 / Math.sqrt(width),
        bank,
        dimension,
        coefficients,
        width,
        0.0,
        u,
        dimension);
    // Four columns' sums side by side: each still adds its terms in mode order (the same bits as
    // one column at a time), but four chains of additions overlap instead of each waiting on its
    // own previous sum; for a small cell this loop cost as much as its dgemm.
    int r = 0;
    for (; r + 4 <= columns; r += 4) {
      int c0 = r * dimension;
      int c1 = c0 + dimension;
      int c2 = c1 + dimension;
      int c3 = c2 + dimension;
      double sum0 = 0;
      double sum1 = 0;
      double sum2 = 0;
      double sum3 = 0;
      for (int i = 0; i < dimension; i++) {
        double scale = sqrtEigenvalues[i];
        double v = target[i];
        double e0 = scale * u[c0 + i] - v;
        double e1 = scale * u[c1 + i] - v;
        double e2 = scale * u[c2 + i] - v;
        double e3 = scale * u[c3 + i] - v;
        sum0 += e0 * e0;
        sum1 += e1 * e1;
        sum2 += e2 * e2;
        sum3 += e3 * e3;
      }
      out[r] = sum0 + noise;
      out[r + 1] = sum1 + noise;
      out[r + 2] = sum2 + noise;
      out[r + 3] = sum3 + noise;
    }
    for (; r < columns; r++) {
      double sum = 0;
      int column = r * dimension;
      for (int i = 0; i < dimension; i++) {
        double error = sqrtEigenvalues[i] * u[column + i] - target[i];
        sum += error * error;
      }
      out[r] = sum + noise;
    }
  }
}
