package org.rfsweep.features;

import org.rfsweep.grid.NormalDraws;
import org.rfsweep.spec.FeatureKind;

/**
 * Gaussian random features g(x) = w . x with w ~ N(0, I): the kernel is x . x', the inputs' own
 * covariance.
 */
public final class LinearFeatureMap implements FeatureMap {
  private final int dimension;

  /** Shared draws of a Spark task's task points, or null. */
  private final NormalDraws draws;

  public LinearFeatureMap(int dimension) {
    this(dimension, null);
  }

  public LinearFeatureMap(int dimension, NormalDraws draws) {
    this.dimension = dimension;
    this.draws = draws;
  }

  @Override
  public FeatureKind kind() {
    return FeatureKind.LINEAR;
  }

  @Override
  public void weights(long jobSeed, int seedIndex, int from, int count, double[] out) {
    GaussianWeights.fill(jobSeed, seedIndex, from, count, dimension, 1.0, out, draws);
  }

  @Override
  public void activate(int feature, double[] data, int offset, int length) {
    // identity
  }

  @Override
  public Kernels.Kernel kernel() {
    return (dot, squareX, squareZ) ->
        Kernels.value(FeatureKind.LINEAR, 0, 0, dot, squareX, squareZ);
  }
}
