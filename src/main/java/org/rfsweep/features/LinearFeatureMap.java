package org.rfsweep.features;

import org.rfsweep.spec.FeatureKind;

/**
 * Gaussian random features g(x) = w . x with w ~ N(0, I): the kernel is x . x', the inputs' own
 * covariance.
 */
public final class LinearFeatureMap implements FeatureMap {
  private final int dimension;

  public LinearFeatureMap(int dimension) {
    this.dimension = dimension;
  }

  @Override
  public FeatureKind kind() {
    return FeatureKind.LINEAR;
  }

  @Override
  public void weights(long jobSeed, int seedIndex, int from, int count, double[] out) {
    GaussianWeights.fill(jobSeed, seedIndex, from, count, dimension, 1.0, out);
  }

  @Override
  public void activate(int feature, double[] data, int offset, int length) {
    // identity
  }
}
