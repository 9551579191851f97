package org.rfsweep.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netlib.util.intW;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.testing.Matrices;

/**
 * What every {@link RidgePath} must satisfy, checked from first principles rather than against
 * another implementation: the ridge normal equations, the minimum-norm conditions at ridge 0, and
 * training errors equal to the residual they describe. Shapes sit on both sides of width = samples
 * and on it.
 */
interface RidgePathContract {
  /**
   * Relative tolerance for identities that hold exactly in exact arithmetic on well-conditioned
   * inputs.
   */
  double TOLERANCE = 1e-9;

  double[] RIDGES = {0.0, 1e-3, 0.1, 1.0, 30.0};

  RidgePath path();

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({"60,20,1", "40,40,1", "25,70,1", "50,30,3", "30,50,2"})
  default void satisfiesTheNormalEquationsAtEveryPositiveRidge(int n, int w, int k) {
    double[] phi = Matrices.gaussian(n, w, 11);
    double[] y = Matrices.gaussian(n, k, 12);
    RidgeSolution solution = new RidgeSolution();
    path().fit(phi, n, w, y, k, RIDGES, solution);
    double[] phiT = Matrices.transpose(phi, n, w);
    for (int r = 1; r < RIDGES.length; r++) {
      double[] a = slice(solution, r);
      // Phi^T (Y - Phi A) = ridge A
      double[] residual = residual(phi, n, w, y, k, a);
      double[] gradient = Matrices.multiply(phiT, w, n, residual, k);
      double[] penalty = a.clone();
      for (int i = 0; i < penalty.length; i++) {
        penalty[i] *= RIDGES[r];
      }
      double scale = Matrices.norm(Matrices.multiply(phiT, w, n, y, k), 0, w * k);
      double diff = 0;
      for (int i = 0; i < gradient.length; i++) {
        diff += (gradient[i] - penalty[i]) * (gradient[i] - penalty[i]);
      }
      assertTrue(
          Math.sqrt(diff) <= TOLERANCE * scale,
          "normal equations violated at ridge " + RIDGES[r] + ": " + Math.sqrt(diff) / scale);
    }
  }

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({"60,20,1", "40,40,1", "25,70,1", "30,50,2"})
  default void givesTheMinimumNormLeastSquaresSolutionAtRidgeZero(int n, int w, int k) {
    double[] phi = Matrices.gaussian(n, w, 21);
    double[] y = Matrices.gaussian(n, k, 22);
    RidgeSolution solution = new RidgeSolution();
    path().fit(phi, n, w, y, k, RIDGES, solution);
    double[] a = slice(solution, 0);
    double[] residual = residual(phi, n, w, y, k, a);
    double[] phiT = Matrices.transpose(phi, n, w);
    // Least squares: the residual is orthogonal to every column of Phi.
    double[] gradient = Matrices.multiply(phiT, w, n, residual, k);
    double scale = Matrices.norm(Matrices.multiply(phiT, w, n, y, k), 0, w * k);
    assertTrue(
        Matrices.norm(gradient, 0, gradient.length) <= 1e-8 * scale,
        "residual not orthogonal to Phi");
    if (w >= n) {
      // Interpolation, and minimum norm: A lies in the row space of Phi, A = Phi^T c for the c with
      // Phi Phi^T c = Y.
      assertTrue(Matrices.norm(residual, 0, residual.length) <= 1e-8 * Matrices.norm(y, 0, n * k));
      assertEquals(0.0, solution.trainMse()[0], 1e-12);
      // The minimum-norm interpolant, solved independently: A* = Phi^T (Phi Phi^T)^-1 Y (Cholesky;
      // a
      // Gaussian Phi with w >= n has full row rank). Any other interpolant adds a null-space part.
      double[] gram = Matrices.multiply(phi, n, w, phiT, n);
      double[] c = y.clone();
      intW info = new intW(0);
      NativeLinalg.lapack().dpotrf("U", n, gram, n, info);
      assertEquals(0, info.val, "dpotrf");
      NativeLinalg.lapack().dpotrs("U", n, k, gram, n, c, n, info);
      assertEquals(0, info.val, "dpotrs");
      double[] minimum = Matrices.multiply(phiT, w, n, c, k);
      double gap = Matrices.relativeDifference(a, 0, minimum, 0, a.length);
      assertTrue(
          gap < 1e-8,
          "not the minimum-norm solution: differs from Phi^T (Phi Phi^T)^-1 Y by " + gap);
    }
  }

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({"60,20,1", "40,40,1", "25,70,1", "50,30,3"})
  default void reportsTheTrainingErrorOfItsOwnCoefficients(int n, int w, int k) {
    double[] phi = Matrices.gaussian(n, w, 31);
    double[] y = Matrices.gaussian(n, k, 32);
    RidgeSolution solution = new RidgeSolution();
    path().fit(phi, n, w, y, k, RIDGES, solution);
    for (int r = 0; r < RIDGES.length; r++) {
      double[] residual = residual(phi, n, w, y, k, slice(solution, r));
      double mse = Math.pow(Matrices.norm(residual, 0, residual.length), 2) / n;
      assertEquals(mse, solution.trainMse()[r], 1e-9 * Math.max(mse, 1e-3), "ridge " + RIDGES[r]);
    }
  }

  static double[] slice(RidgeSolution solution, int ridge) {
    int size = solution.width() * solution.outputs();
    double[] a = new double[size];
    System.arraycopy(solution.coefficients(), ridge * size, a, 0, size);
    return a;
  }

  static double[] residual(double[] phi, int n, int w, double[] y, int k, double[] a) {
    double[] fitted = Matrices.multiply(phi, n, w, a, k);
    double[] residual = new double[n * k];
    for (int i = 0; i < residual.length; i++) {
      residual[i] = y[i] - fitted[i];
    }
    return residual;
  }
}
