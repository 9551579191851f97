package org.rfsweep.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;

/**
 * Random Fourier features estimate the Gaussian kernel: phi(x).phi(x') -> exp(-|x - x'|^2 / (2
 * l^2)).
 */
class FourierFeatureMapTest implements FeatureMapContract {
  private static final double LENGTH = 2.0;

  @Override
  public FeatureMap map() {
    return new FourierFeatureMap(DIMENSION, LENGTH);
  }

  @Override
  public FeatureSpec spec() {
    return new FeatureSpec(FeatureKind.RFF, LENGTH);
  }

  @Test
  void innerProductsEstimateTheGaussianKernel() {
    int dimension = 5;
    int features = 20_000;
    double length = 1.3;
    double[] x = {0.3, -1.0, 0.5, 0.0, 0.8};
    double[] z = {0.1, -0.4, 1.2, -0.3, 0.2};
    FourierFeatureMap map = new FourierFeatureMap(dimension, length);
    double[] bank = new double[dimension * features];
    map.weights(3, 0, 0, features, bank);
    double sum = 0;
    for (int j = 0; j < features; j++) {
      double[] px = {0};
      double[] pz = {0};
      for (int i = 0; i < dimension; i++) {
        px[0] += bank[j * dimension + i] * x[i];
        pz[0] += bank[j * dimension + i] * z[i];
      }
      map.activate(j, px, 0, 1);
      map.activate(j, pz, 0, 1);
      sum += px[0] * pz[0];
    }
    double distance2 = 0;
    for (int i = 0; i < dimension; i++) {
      distance2 += (x[i] - z[i]) * (x[i] - z[i]);
    }
    double kernel = Math.exp(-distance2 / (2 * length * length));
    // Each term has variance below 2 (|sqrt2 cos|^2 <= 2): 4 standard errors of the mean.
    assertEquals(kernel, sum / features, 4 * Math.sqrt(2.0 / features));
  }
}
