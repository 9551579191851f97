package org.rfsweep.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netlib.util.intW;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.testing.Matrices;

class EigenRidgePathTest implements RidgePathContract {
  /**
   * Agreement with the direct solves: both are backward stable, so the gap is a few eps times the
   * condition.
   */
  private static final double AGREEMENT = 1e-9;

  @Override
  public RidgePath path() {
    return new EigenRidgePath();
  }

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({
    "80,30,1",
    "64,64,1",
    "50,50,1",
    "30,90,1",
    "120,40,2",
    "40,120,3",
    "200,199,1",
    "199,200,1"
  })
  void agreesWithCholeskyAndPseudoInverseSolves(int n, int w, int k) {
    double[] phi = Matrices.gaussian(n, w, 41 + n);
    double[] y = Matrices.gaussian(n, k, 42 + w);
    double[] ridges = {0.0, 1e-4, 1e-2, 1.0, 100.0};
    RidgeSolution eigen = new RidgeSolution();
    RidgeSolution direct = new RidgeSolution();
    new EigenRidgePath().fit(phi, n, w, y, k, ridges, eigen);
    new DirectRidgePath().fit(phi, n, w, y, k, ridges, direct);
    int size = w * k;
    for (int r = 0; r < ridges.length; r++) {
      double coefficients =
          Matrices.relativeDifference(
              eigen.coefficients(), r * size, direct.coefficients(), r * size, size);
      assertTrue(
          coefficients < AGREEMENT,
          "ridge " + ridges[r] + ": coefficients differ by " + coefficients);
      double train = Math.abs(eigen.trainMse()[r] - direct.trainMse()[r]);
      assertTrue(
          train <= AGREEMENT * Math.max(direct.trainMse()[r], 1.0),
          "ridge "
              + ridges[r]
              + ": train mse "
              + eigen.trainMse()[r]
              + " vs "
              + direct.trainMse()[r]);
    }
  }

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({"30,12,1", "24,24,1", "16,40,1", "30,12,2", "20,50,2"})
  void leaveOneOutMatchesRefittingWithoutEachSample(int n, int w, int k) {
    double[] phi = Matrices.gaussian(n, w, 51 + n);
    double[] y = Matrices.gaussian(n, k, 52 + w);
    double[] ridges = {0.0, 1e-2, 1.0};
    RidgeSolution fast = new RidgeSolution();
    new EigenRidgePath().fit(phi, n, w, y, k, ridges, fast);
    for (int r = 0; r < ridges.length; r++) {
      double sum = 0;
      for (int out = 0; out < n; out++) {
        // Refit on the other n - 1 samples with the direct solver, predict the one left out.
        double[] phiRest = new double[(n - 1) * w];
        double[] yRest = new double[(n - 1) * k];
        for (int j = 0; j < w; j++) {
          for (int i = 0, row = 0; i < n; i++) {
            if (i != out) {
              phiRest[j * (n - 1) + row++] = phi[j * n + i];
            }
          }
        }
        for (int o = 0; o < k; o++) {
          for (int i = 0, row = 0; i < n; i++) {
            if (i != out) {
              yRest[o * (n - 1) + row++] = y[o * n + i];
            }
          }
        }
        RidgeSolution refit = new RidgeSolution();
        new DirectRidgePath().fit(phiRest, n - 1, w, yRest, k, new double[] {ridges[r]}, refit);
        for (int o = 0; o < k; o++) {
          double prediction = 0;
          for (int j = 0; j < w; j++) {
            prediction += phi[j * n + out] * refit.coefficient(0, o, j);
          }
          sum += Math.pow(y[o * n + out] - prediction, 2);
        }
      }
      double bruteForce = sum / n;
      assertTrue(
          Math.abs(fast.looMse()[r] - bruteForce) <= 1e-8 * bruteForce,
          "ridge " + ridges[r] + ": LOO " + fast.looMse()[r] + " vs refits " + bruteForce);
    }
  }

  @ParameterizedTest(name = "samples={0} width={1}")
  @CsvSource({"30,12", "16,40"})
  void gcvUsesTheTraceOfTheHatMatrix(int n, int w) {
    double[] phi = Matrices.gaussian(n, w, 61);
    double[] y = Matrices.gaussian(n, 1, 62);
    double[] ridges = {0.0, 0.1, 3.0};
    RidgeSolution fast = new RidgeSolution();
    new EigenRidgePath().fit(phi, n, w, y, 1, ridges, fast);
    // The hat matrix H is the fit of the identity: labels e_1 .. e_n as n outputs.
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1;
    }
    RidgeSolution hat = new RidgeSolution();
    new DirectRidgePath().fit(phi, n, w, identity, n, ridges, hat);
    for (int r = 0; r < ridges.length; r++) {
      double trace = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < w; j++) {
          trace += phi[j * n + i] * hat.coefficient(r, i, j);
        }
      }
      if (ridges[r] == 0 && w >= n) {
        assertTrue(Double.isNaN(fast.gcvMse()[r]), "GCV is undefined when interpolating");
        continue;
      }
      double expected = fast.trainMse()[r] / Math.pow(1 - trace / n, 2);
      assertTrue(Math.abs(fast.gcvMse()[r] - expected) <= 1e-9 * expected, "ridge " + ridges[r]);
    }
  }

  @ParameterizedTest(name = "samples={0} width={1}")
  @CsvSource({"40,20", "20,40"})
  void readsTheTopRowsOfATallerMatrixThroughItsLeadingDimension(int n, int w) {
    int ld = n + 7;
    double[] tall = Matrices.gaussian(ld, w, 71);
    double[] compact = new double[n * w];
    for (int j = 0; j < w; j++) {
      System.arraycopy(tall, j * ld, compact, j * n, n);
    }
    double[] y = Matrices.gaussian(n, 1, 72);
    double[] ridges = {0.0, 0.3};
    RidgeSolution viaView = new RidgeSolution();
    RidgeSolution viaCopy = new RidgeSolution();
    new EigenRidgePath().fit(tall, ld, n, w, y, 1, ridges, viaView);
    new EigenRidgePath().fit(compact, n, w, y, 1, ridges, viaCopy);
    for (int i = 0; i < w * ridges.length; i++) {
      assertTrue(viaView.coefficients()[i] == viaCopy.coefficients()[i]);
    }
    assertTrue(viaView.looMse()[1] == viaCopy.looMse()[1]);
  }

  @Test
  void reusesOneInstanceAcrossShapesWithoutCarryingStateOver() {
    EigenRidgePath path = new EigenRidgePath();
    double[] ridges = {0.0, 0.5};
    RidgeSolution reused = new RidgeSolution();
    RidgeSolution fresh = new RidgeSolution();
    // A large shape first: LAPACK chooses blocked or unblocked code from the workspace it is given,
    // so a grown
    // workspace must not reach the smaller decompositions after it.
    int[][] shapes = {{90, 30}, {500, 400}, {200, 160}, {20, 60}, {45, 45}, {10, 5}};
    for (int[] shape : shapes) {
      double[] phi = Matrices.gaussian(shape[0], shape[1], shape[0]);
      double[] y = Matrices.gaussian(shape[0], 1, shape[1]);
      path.fit(phi, shape[0], shape[1], y, 1, ridges, reused);
      new EigenRidgePath().fit(phi, shape[0], shape[1], y, 1, ridges, fresh);
      for (int i = 0; i < shape[1] * ridges.length; i++) {
        assertTrue(
            reused.coefficients()[i] == fresh.coefficients()[i],
            "workspace reuse changed a result");
      }
      assertTrue(
          reused.trainMse()[1] == fresh.trainMse()[1], "workspace reuse changed a train error");
    }
  }

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({"80,30,1", "120,40,2", "30,90,1", "50,50,1", "400,180,1", "160,420,2"})
  void switchingLeaveOneOutOffChangesNothingElse(int n, int w, int k) {
    double[] phi = Matrices.gaussian(n, w, 81 + n);
    double[] y = Matrices.gaussian(n, k, 82 + w);
    double[] ridges = {0.0, 1e-3, 0.1, 10.0};
    RidgeSolution with = new RidgeSolution();
    RidgeSolution without = new RidgeSolution();
    new EigenRidgePath(true).fit(phi, n, w, y, k, ridges, with);
    new EigenRidgePath(false).fit(phi, n, w, y, k, ridges, without);
    int size = w * k;
    for (int r = 0; r < ridges.length; r++) {
      double coefficients =
          Matrices.relativeDifference(
              with.coefficients(), r * size, without.coefficients(), r * size, size);
      assertTrue(
          coefficients < 1e-10, "ridge " + ridges[r] + ": coefficients differ by " + coefficients);
      assertTrue(
          Math.abs(with.trainMse()[r] - without.trainMse()[r])
              <= 1e-10 * Math.max(with.trainMse()[r], 1e-3),
          "ridge "
              + ridges[r]
              + ": train mse "
              + with.trainMse()[r]
              + " vs "
              + without.trainMse()[r]);
      assertTrue(Double.isFinite(with.looMse()[r]), "LOO computed when asked for");
      assertTrue(Double.isNaN(without.looMse()[r]), "LOO is NaN when switched off");
      assertTrue(
          Double.compare(with.gcvMse()[r], without.gcvMse()[r]) == 0
              || Math.abs(with.gcvMse()[r] - without.gcvMse()[r]) <= 1e-10 * with.gcvMse()[r],
          "GCV is kept");
    }
  }

  @Test
  void dualLeaveOneOutMatchesTheDiagonalOfTheInverseBeyondOneBlockOfEigenvectors() {
    // n = 300 > 256: the leverages sum a second block of squared eigenvectors. Reference:
    // e_i = alpha_i / [(K + ridge I)^-1]_ii with K = Phi Phi^T, from a Cholesky inverse (dpotri).
    int n = 300;
    int w = 400;
    double[] phi = Matrices.gaussian(n, w, 41);
    double[] y = Matrices.gaussian(n, 1, 42);
    double[] ridges = {0.01, 1.0, 30.0};
    RidgeSolution solution = new RidgeSolution();
    new EigenRidgePath(true).fit(phi, n, w, y, 1, ridges, solution);
    double[] kernel = Matrices.multiply(phi, n, w, Matrices.transpose(phi, n, w), n);
    for (int r = 0; r < ridges.length; r++) {
      double[] factor = kernel.clone();
      for (int i = 0; i < n; i++) {
        factor[i * n + i] += ridges[r];
      }
      intW info = new intW(0);
      NativeLinalg.lapack().dpotrf("U", n, factor, n, info);
      assertEquals(0, info.val, "dpotrf");
      double[] alpha = y.clone();
      NativeLinalg.lapack().dpotrs("U", n, 1, factor, n, alpha, n, info);
      NativeLinalg.lapack().dpotri("U", n, factor, n, info);
      assertEquals(0, info.val, "dpotri");
      double loo = 0;
      for (int i = 0; i < n; i++) {
        double e = alpha[i] / factor[i * n + i];
        loo += e * e;
      }
      loo /= n;
      assertEquals(loo, solution.looMse()[r], 1e-9 * loo, "ridge " + ridges[r]);
    }
  }
}
