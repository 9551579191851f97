package org.rfsweep.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfsweep.testing.Matrices;

class EigenRidgePathTest implements RidgePathContract {
  /** Agreement with the direct solves: both are backward stable, so the gap is a few eps times the condition. */
  private static final double AGREEMENT = 1e-9;

  @Override
  public RidgePath path() {
    return new EigenRidgePath();
  }

  @ParameterizedTest(name = "samples={0} width={1} outputs={2}")
  @CsvSource({"80,30,1", "64,64,1", "50,50,1", "30,90,1", "120,40,2", "40,120,3", "200,199,1", "199,200,1"})
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
      double coefficients = Matrices.relativeDifference(eigen.coefficients(), r * size, direct.coefficients(),
          r * size, size);
      assertTrue(coefficients < AGREEMENT, "ridge " + ridges[r] + ": coefficients differ by " + coefficients);
      double train = Math.abs(eigen.trainMse()[r] - direct.trainMse()[r]);
      assertTrue(train <= AGREEMENT * Math.max(direct.trainMse()[r], 1.0),
          "ridge " + ridges[r] + ": train mse " + eigen.trainMse()[r] + " vs " + direct.trainMse()[r]);
    }
  }

  @Test
  void reusesOneInstanceAcrossShapesWithoutCarryingStateOver() {
    EigenRidgePath path = new EigenRidgePath();
    double[] ridges = {0.0, 0.5};
    RidgeSolution reused = new RidgeSolution();
    RidgeSolution fresh = new RidgeSolution();
    int[][] shapes = {{90, 30}, {20, 60}, {45, 45}, {10, 5}};
    for (int[] shape : shapes) {
      double[] phi = Matrices.gaussian(shape[0], shape[1], shape[0]);
      double[] y = Matrices.gaussian(shape[0], 1, shape[1]);
      path.fit(phi, shape[0], shape[1], y, 1, ridges, reused);
      new EigenRidgePath().fit(phi, shape[0], shape[1], y, 1, ridges, fresh);
      for (int i = 0; i < shape[1] * ridges.length; i++) {
        assertTrue(reused.coefficients()[i] == fresh.coefficients()[i], "workspace reuse changed a result");
      }
    }
  }
}
