package org.rfsweep.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netlib.util.intW;
import org.rfsweep.features.Kernels;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.testing.Matrices;

/**
 * Kernel ridge regression (width inf) against a direct solve of (K + ridge I) alpha = y by
 * Cholesky, for every kernel; ridge 0 against the interpolant K alpha = y; leave-one-out against
 * refitting without each sample. The kernel is the top-left block of a larger one, as sweeps pass
 * it.
 */
class KernelRidgeTest {
  private static final double[] RIDGES = {0.0, 1e-3, 0.1, 1.0, 30.0};
  private static final int DIMENSION = 12;

  @ParameterizedTest(name = "{0} kernel, samples={1} outputs={2}")
  @CsvSource({"LINEAR,40,1", "RELU,40,1", "RFF,40,1", "RELU,30,3", "RFF,25,2"})
  void matchesADirectSolveAtEveryRidge(FeatureKind kind, int n, int k) {
    int stored = n + 7; // the kernel of more samples than the cell uses
    double[] kernel = kernel(kind, stored);
    double[] y = Matrices.gaussian(n, k, 5);
    RidgeSolution solution = new RidgeSolution();
    new EigenRidgePath(true).fitKernel(kernel, stored, n, y, k, RIDGES, solution);
    assertEquals(n, solution.width(), "dual coefficients: one per training sample");
    for (int r = 0; r < RIDGES.length; r++) {
      // Ridge 0 on a linear kernel of rank DIMENSION < n is the minimum-norm solution; the others
      // are full rank, so every ridge (ridge 0 included) is a plain solve.
      if (kind == FeatureKind.LINEAR && RIDGES[r] == 0) {
        continue;
      }
      double[] direct = solve(kernel, stored, n, y, k, RIDGES[r]);
      for (int o = 0; o < k; o++) {
        for (int i = 0; i < n; i++) {
          double expected = direct[o * n + i];
          double actual = solution.coefficient(r, o, i);
          assertEquals(
              expected,
              actual,
              1e-7 * (1 + Math.abs(expected)),
              kind + " ridge " + RIDGES[r] + " alpha[" + i + "," + o + "]");
        }
      }
      double trainMse = trainMse(kernel, stored, n, y, k, direct);
      assertEquals(trainMse, solution.trainMse()[r], 1e-8 * (1 + trainMse), "train MSE");
    }
  }

  @ParameterizedTest(name = "{0} kernel")
  @CsvSource({"RELU", "RFF"})
  void interpolatesAtRidgeZero(FeatureKind kind) {
    int n = 30;
    double[] kernel = kernel(kind, n);
    double[] y = Matrices.gaussian(n, 1, 8);
    RidgeSolution solution = new RidgeSolution();
    new EigenRidgePath(true).fitKernel(kernel, n, n, y, 1, RIDGES, solution);
    assertTrue(solution.trainMse()[0] < 1e-12, "train MSE at ridge 0: " + solution.trainMse()[0]);
    assertTrue(Double.isNaN(solution.gcvMse()[0]), "GCV is undefined when interpolating");
  }

  @ParameterizedTest(name = "{0} kernel")
  @CsvSource({"RELU", "RFF", "LINEAR"})
  void leaveOneOutMatchesRefittingWithoutEachSample(FeatureKind kind) {
    int n = 24;
    double ridge = 0.1;
    double[] kernel = kernel(kind, n);
    double[] y = Matrices.gaussian(n, 1, 9);
    RidgeSolution solution = new RidgeSolution();
    new EigenRidgePath(true).fitKernel(kernel, n, n, y, 1, new double[] {ridge}, solution);
    double sum = 0;
    for (int out = 0; out < n; out++) {
      int m = n - 1;
      double[] kept = new double[m * m];
      double[] keptY = new double[m];
      for (int j = 0, jj = 0; j < n; j++) {
        if (j == out) {
          continue;
        }
        keptY[jj] = y[j];
        for (int i = 0, ii = 0; i < n; i++) {
          if (i != out) {
            kept[jj * m + ii++] = kernel[j * n + i];
          }
        }
        jj++;
      }
      double[] alpha = solve(kernel(kept, m), m, m, keptY, 1, ridge);
      double prediction = 0;
      for (int j = 0, jj = 0; j < n; j++) {
        if (j != out) {
          prediction += kernel[j * n + out] * alpha[jj++];
        }
      }
      sum += (y[out] - prediction) * (y[out] - prediction);
    }
    assertEquals(sum / n, solution.looMse()[0], 1e-9 * sum / n);
  }

  /** The kernel of random inputs, both triangles filled, stored x stored. */
  private static double[] kernel(FeatureKind kind, int stored) {
    double[] x = Matrices.gaussian(DIMENSION, stored, 3);
    double[] k = new double[stored * stored];
    Kernels.symmetric(
        (dot, sx, sz) -> Kernels.value(kind, 2.5, DIMENSION, dot, sx, sz),
        x,
        DIMENSION,
        stored,
        k,
        stored);
    return kernel(k, stored);
  }

  /** Fills the strict lower triangle from the upper. */
  private static double[] kernel(double[] k, int order) {
    for (int j = 0; j < order; j++) {
      for (int i = j + 1; i < order; i++) {
        k[j * order + i] = k[i * order + j];
      }
    }
    return k;
  }

  /** (K[:n,:n] + ridge I)^-1 y by Cholesky. */
  private static double[] solve(double[] kernel, int ld, int n, double[] y, int k, double ridge) {
    double[] a = new double[n * n];
    for (int j = 0; j < n; j++) {
      System.arraycopy(kernel, j * ld, a, j * n, n);
      a[j * n + j] += ridge;
    }
    double[] b = y.clone();
    intW info = new intW(0);
    NativeLinalg.lapack().dposv("U", n, k, a, n, b, n, info);
    assertEquals(0, info.val, "dposv");
    return b;
  }

  private static double trainMse(
      double[] kernel, int ld, int n, double[] y, int k, double[] alpha) {
    double sum = 0;
    for (int o = 0; o < k; o++) {
      for (int i = 0; i < n; i++) {
        double fitted = 0;
        for (int j = 0; j < n; j++) {
          fitted += kernel[j * ld + i] * alpha[o * n + j];
        }
        double e = y[o * n + i] - fitted;
        sum += e * e;
      }
    }
    return sum / n;
  }
}
