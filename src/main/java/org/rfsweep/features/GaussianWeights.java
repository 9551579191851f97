package org.rfsweep.features;

import java.util.SplittableRandom;
import org.rfsweep.grid.NormalDraws;
import org.rfsweep.grid.RandomStreams;

/**
 * Gaussian weight vectors, one derived stream per feature, so feature j is the same in every bank.
 */
final class GaussianWeights {
  private GaussianWeights() {}

  /**
   * @param draws shared draws of a Spark task's task points, or null to draw here
   */
  static void fill(
      long jobSeed,
      int seedIndex,
      int from,
      int count,
      int dimension,
      double std,
      double[] out,
      NormalDraws draws) {
    if (draws != null) {
      double[] normals =
          draws.block(jobSeed, seedIndex, RandomStreams.FEATURES, from, count, dimension);
      for (int k = 0; k < count * dimension; k++) {
        out[k] = std * normals[k]; // the same product as below: the same bits
      }
      return;
    }
    for (int j = 0; j < count; j++) {
      SplittableRandom random =
          RandomStreams.generator(jobSeed, seedIndex, RandomStreams.FEATURES, from + j);
      int column = j * dimension;
      for (int i = 0; i < dimension; i++) {
        out[column + i] = std * random.nextGaussian();
      }
    }
  }
}
