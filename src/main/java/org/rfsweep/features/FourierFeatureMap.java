package org.rfsweep.features;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rfsweep.grid.NormalDraws;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.spec.FeatureKind;

/**
 * Random Fourier features g(x) = sqrt(2) cos(w . x + b), w ~ N(0, I / length^2), b ~ U[0, 2 pi): an
 * unbiased estimate of the Gaussian kernel exp(-|x - x'|^2 / (2 length^2)). The phase of feature j
 * comes from its own stream, so it is the same in every bank.
 *
 * <p>Holds the phases of the bank last drawn: one instance per worker thread.
 */
public final class FourierFeatureMap implements FeatureMap {
  private static final double SQRT2 = Math.sqrt(2.0);
  private static final String PHASES = "feature-phases";
  private final int dimension;

  /** Shared draws of a Spark task's task points, or null. */
  private final NormalDraws draws;

  private final double length;
  private double[] phases = new double[0];

  public FourierFeatureMap(int dimension, double length) {
    this(dimension, length, null);
  }

  public FourierFeatureMap(int dimension, double length, NormalDraws draws) {
    this.dimension = dimension;
    this.length = length;
    this.draws = draws;
  }

  @Override
  public FeatureKind kind() {
    return FeatureKind.RFF;
  }

  @Override
  public void weights(long jobSeed, int seedIndex, int from, int count, double[] out) {
    GaussianWeights.fill(jobSeed, seedIndex, from, count, dimension, 1.0 / length, out, draws);
    if (phases.length < from + count) {
      phases = Arrays.copyOf(phases, from + count);
    }
    for (int j = from; j < from + count; j++) {
      SplittableRandom random = RandomStreams.generator(jobSeed, seedIndex, PHASES, j);
      phases[j] = 2 * Math.PI * random.nextDouble();
    }
  }

  @Override
  public void activate(int feature, double[] data, int offset, int length) {
    double phase = phases[feature];
    for (int i = offset; i < offset + length; i++) {
      data[i] = SQRT2 * Math.cos(data[i] + phase);
    }
  }

  @Override
  public Kernels.Kernel kernel() {
    return (dot, squareX, squareZ) ->
        Kernels.value(FeatureKind.RFF, length, 0, dot, squareX, squareZ);
  }
}
