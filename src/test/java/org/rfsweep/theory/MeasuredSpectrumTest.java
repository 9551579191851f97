package org.rfsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.features.Kernels;
import org.rfsweep.features.ReluFeatureMap;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;
import org.rfsweep.testing.Matrices;

class MeasuredSpectrumTest {

  @Test
  void eigenvaluesAreThoseOfKOverPAndTargetPowerSumsToTheMeanSquaredTarget() {
    int dimension = 6;
    int points = 50;
    double[] x = Matrices.gaussian(dimension, points, 8);
    double[] y = Matrices.gaussian(points, 2, 9);
    double[] kernel = new double[points * points];
    Kernels.matrix(new FeatureSpec(FeatureKind.LINEAR), x, dimension, points, dimension, kernel);
    MeasuredSpectrum spectrum = MeasuredSpectrum.of(kernel, points, y, 2);
    // A linear kernel of rank 6: six positive eigenvalues summing to trace(X^T X)/P, the rest zero.
    double trace = 0;
    for (double v : x) {
      trace += v * v;
    }
    double sum = 0;
    for (int i = 0; i < points; i++) {
      sum += spectrum.eigenvalues()[i];
      if (i > 0) {
        assertTrue(spectrum.eigenvalues()[i] <= spectrum.eigenvalues()[i - 1], "not descending");
      }
    }
    assertEquals(trace / points, sum, 1e-10 * sum);
    assertEquals(0.0, spectrum.eigenvalues()[dimension], 1e-12 * spectrum.eigenvalues()[0]);
    // Parseval: sum_i v_i^2 = |y|^2 / P, summed over outputs.
    double power = java.util.Arrays.stream(spectrum.targetPower()).sum();
    double target = java.util.Arrays.stream(y).map(v -> v * v).sum() / points;
    assertEquals(target, power, 1e-12 * target);
  }

  @Test
  void arcCosineKernelIsWhatReluFeaturesEstimate() {
    int dimension = 8;
    int features = 40_000;
    double[] points = Matrices.gaussian(dimension, 2, 10);
    double[] kernel = new double[4];
    Kernels.matrix(new FeatureSpec(FeatureKind.RELU), points, dimension, 2, dimension, kernel);
    ReluFeatureMap map = new ReluFeatureMap(dimension, dimension);
    double[] bank = new double[dimension * features];
    map.weights(1, 0, 0, features, bank);
    double[] g = new double[2 * features];
    for (int j = 0; j < features; j++) {
      for (int p = 0; p < 2; p++) {
        double dot = 0;
        for (int i = 0; i < dimension; i++) {
          dot += bank[j * dimension + i] * points[p * dimension + i];
        }
        g[j * 2 + p] = dot;
      }
      map.activate(j, g, j * 2, 2);
    }
    double cross = 0;
    double self = 0;
    for (int j = 0; j < features; j++) {
      cross += g[j * 2] * g[j * 2 + 1] / features;
      self += g[j * 2] * g[j * 2] / features;
    }
    // phi(x).phi(x') is an unbiased estimate; relative tolerance of a few standard errors at 40,000
    // features.
    assertEquals(kernel[2], cross, 0.03 * kernel[0]);
    assertEquals(kernel[0], self, 0.03 * kernel[0]);
  }

  @Test
  void directFitsRecoverAKnownPowerLaw() {
    int modes = 200_000;
    double[] lambda = new double[modes];
    double[] power = new double[modes];
    for (int i = 0; i < modes; i++) {
      lambda[i] = Math.pow(i + 1, -1.5);
      power[i] = Math.pow(i + 1, -1.3);
    }
    List<ExponentEstimates.Estimate> estimates =
        ExponentEstimates.direct(new MeasuredSpectrum(lambda, power), 10, 1000);
    assertEquals(1.5, estimates.get(0).value(), 1e-9);
    assertEquals(1.3, estimates.get(1).value(), 1e-9);
  }
}
